namespace NotebookDL;

public static partial class torchvision
{
    /// <summary>
    /// An image transform. Every NotebookDL transform accepts one image [C, H, W] (or [H, W]) or a batch
    /// [N, C, H, W]. Random transforms draw fresh parameters for each image of a batch, in batch order, so one
    /// applied to a whole batch equals the same transform applied image by image. That is how the built-in
    /// datasets use them: the DataLoader fills one batch buffer, then runs the dataset's transform once on it.
    /// Each random transform takes an optional Generator; without one it draws from torch's default generator,
    /// so torch.manual_seed makes augmentation reproducible.
    /// </summary>
    public interface ITransform : torch.nn.IModule<torch.Tensor, torch.Tensor>
    {
    }
}
