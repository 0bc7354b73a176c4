namespace NotebookDL.Display;

// TorchSharp's datasets (torchvision's MNIST, CIFAR-10, or your own) give {"data", "label"} samples but no class
// names, so they are passed in; the managed flavour's overload takes its VisionDataset (src/NotebookDL.Display/Managed).
public static partial class Notebook
{
    /// <summary>The first rows × cols samples of a TorchSharp image dataset, captioned with their class names (or label numbers).</summary>
    public static ImageGrid show_images(torch.utils.data.Dataset dataset, int rows, int cols, IReadOnlyList<string>? class_names = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        CheckGrid(rows, cols);
        return DatasetGrid.Build(dataset.GetTensor, dataset.Count, rows, cols, class_names, title);
    }
}
