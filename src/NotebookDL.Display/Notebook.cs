namespace NotebookDL.Display;

/// <summary>
/// The notebook entry points, meant for <c>using static NotebookDL.Display.Notebook;</c>:
/// display(...), summary(...), plot(...), show_images(...) and the teaching plots.
/// </summary>
public static partial class Notebook
{
    /// <summary>Shows <paramref name="value"/> on the current host and returns a handle to redraw it in place.</summary>
    public static DisplayHandle display(object? value)
    {
        var host = DisplayHost.Current;
        var handle = new DisplayHandle(host, NewDisplayId());
        host.Display(handle.DisplayId, Formatter.ToMimeBundle(value));
        return handle;
    }

    /// <summary>
    /// Keras' model.summary(): a dry forward pass on one zero sample of <paramref name="input_size"/>
    /// (without the batch dimension, e.g. 1, 28, 28) that lists every layer's output shape and parameters.
    /// </summary>
    public static ModelSummary summary(torch.nn.Module<Tensor, Tensor> model, params long[] input_size) => ModelSummary.Of(model, input_size);

    /// <summary>summary with the optional Kernel Shape and Mult-Adds columns.</summary>
    public static ModelSummary summary(torch.nn.Module<Tensor, Tensor> model, long[] input_size, bool kernel_shape, bool mult_adds = false) =>
        ModelSummary.Of(model, input_size) with { ShowKernelShape = kernel_shape, ShowMultAdds = mult_adds };

    internal static string NewDisplayId() => "notebookdl-" + Guid.NewGuid().ToString("N");
}
