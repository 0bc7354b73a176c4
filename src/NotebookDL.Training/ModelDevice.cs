namespace NotebookDL.Training;

/// <summary>
/// The device a model's parameters live on, and batches moved there: fit, evaluate and predict take data on the CPU
/// (where loaders and datasets make it) and run a model that was moved to a GPU with <c>model.to(device)</c>.
/// On the managed engine everything is on the CPU and nothing moves.
/// </summary>
internal static class ModelDevice
{
    /// <summary>The device of the model's first parameter; null for a model without parameters (it runs where its input is).</summary>
    public static torch.Device? Of(torch.nn.Module model) => model.parameters().FirstOrDefault()?.device;

    /// <summary><paramref name="tensor"/> on <paramref name="device"/>: itself when it is there already, else a copy (in the caller's dispose scope).</summary>
    public static Tensor To(Tensor tensor, torch.Device? device) =>
        device is null || (tensor.device.type == device.type && tensor.device.index == device.index) ? tensor : tensor.to(device);
}
