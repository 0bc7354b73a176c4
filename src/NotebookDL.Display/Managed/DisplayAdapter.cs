namespace NotebookDL.Display;

/// <summary>
/// The managed engine's side of the few things the shared displays need and the two engines spell differently;
/// the TorchSharp flavour has a file of the same name and members (src/NotebookDL.TorchSharp.Display). Everything
/// else in src/NotebookDL.Display is written once against the API both engines share.
/// </summary>
internal static class DisplayAdapter
{
    public const string EngineName = "managed";

    /// <summary>Cells import the engine's API class statically (torch, nn, optim, Tensor) and its module types.</summary>
    public static readonly string[] EngineImports = ["NotebookDL.torch", "NotebookDL.Modules"];

    /// <summary>Pure C#: nothing to load.</summary>
    public static void ActivateEngine()
    {
    }

    public static string EngineDescription() => $"NotebookDL's managed engine {NotebookCommands.Version(typeof(torch).Assembly)}, pure C#";

    public static string DeviceDescription() => "cpu (NotebookDL's managed kernels; no GPU backend)";

    /// <summary>The tensor's values as float32, row-major, detached from autograd.</summary>
    public static float[] Floats(Tensor tensor) => tensor.detach().to(ScalarType.Float32).contiguous().ToArray<float>();

    /// <summary>The tensor's values as int64, row-major.</summary>
    public static long[] Longs(Tensor tensor) => tensor.detach().to(ScalarType.Int64).contiguous().ToArray<long>();

    /// <summary>PyTorch's repr of the values, the preview under a tensor's header.</summary>
    public static string Preview(Tensor tensor) => tensor.str();

    public static string? GradFnName(Tensor tensor) => tensor.grad_fn?.name();

    public static string DtypeName(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "torch.float32",
        ScalarType.Int64 => "torch.int64",
        _ => "torch.bool",
    };

    /// <summary>The module's type name as print(model) shows it: "Linear", "Sequential", or the name a custom module gave.</summary>
    public static string TypeName(torch.nn.Module module) => module.GetName();

    /// <summary>A layer's configuration as PyTorch's extra_repr writes it, e.g. "in_features=2, out_features=16, bias=True".</summary>
    public static string ExtraRepr(torch.nn.Module module) => module.extra_repr();

    /// <summary>
    /// Why a layer refused its input (a shape mismatch), or null when <paramref name="error"/> is not such a refusal;
    /// the managed engine reports them as ArgumentException or InvalidOperationException.
    /// </summary>
    public static string? LayerFailure(Exception error) => error is ArgumentException or InvalidOperationException ? error.Message : null;
}
