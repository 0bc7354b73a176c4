using System.Globalization;
using System.Runtime.InteropServices;
using NotebookDL.TorchSharp;
using TorchSharp;

namespace NotebookDL.Display;

/// <summary>
/// TorchSharp's side of the few things the shared displays (src/NotebookDL.Display) need and the two engines spell
/// differently; the managed engine has a file of the same name and members (src/NotebookDL.Display/Managed).
/// </summary>
internal static class DisplayAdapter
{
    public const string EngineName = "torchsharp";

    /// <summary>Cells import what TorchSharp programs usually do: <c>using TorchSharp; using static TorchSharp.torch;</c> and the module types.</summary>
    public static readonly string[] EngineImports = ["TorchSharp", "TorchSharp.torch", "TorchSharp.Modules"];

    /// <summary>Loads libtorch (patched when this system's libstdc++ predates GCC 13); throws with the cause and the fix when it cannot.</summary>
    public static void ActivateEngine() => TorchSharpNatives.EnsureLoaded();

    public static string EngineDescription() => $"TorchSharp {NotebookCommands.Version(typeof(torch).Assembly)}, libtorch {torch.__version__}";

    public static string DeviceDescription() => torch.cuda.is_available()
        ? $"cuda ({torch.cuda.device_count()} GPU{(torch.cuda.device_count() == 1 ? "" : "s")}; tensors start on the cpu, move them with .to(torch.CUDA)) and cpu"
        : "cpu (no CUDA device, or a CPU-only libtorch such as TorchSharp-cpu)";

    /// <summary>The tensor's values as float32, row-major, detached from autograd (copied to the CPU first when on a GPU).</summary>
    public static float[] Floats(Tensor tensor)
    {
        using var scope = torch.NewDisposeScope(); // the converted copies are native tensors
        return tensor.detach().cpu().to(ScalarType.Float32).contiguous().data<float>().ToArray();
    }

    /// <summary>The tensor's values as int64, row-major.</summary>
    public static long[] Longs(Tensor tensor)
    {
        using var scope = torch.NewDisposeScope();
        return tensor.detach().cpu().to(ScalarType.Int64).contiguous().data<long>().ToArray();
    }

    /// <summary>TorchSharp's NumPy-style print of the values (it has no PyTorch-style repr), the preview under a tensor's header.</summary>
    public static string Preview(Tensor tensor)
    {
        using var scope = torch.NewDisposeScope(); // the CPU copy, when the tensor lives on a GPU
        return tensor.cpu().ToString(TensorStringStyle.Numpy, fltFormat: "0.0000", width: 80, cultureInfo: CultureInfo.InvariantCulture, newLine: "\n");
    }

    /// <summary>TorchSharp does not expose the autograd node that made a tensor, so the display leaves grad_fn out.</summary>
    public static string? GradFnName(Tensor tensor) => null;

    /// <summary>PyTorch's dtype names (torch.float32, torch.uint8, ...).</summary>
    public static string DtypeName(ScalarType dtype) => "torch." + dtype switch
    {
        ScalarType.Byte => "uint8",
        ScalarType.Int8 => "int8",
        ScalarType.Int16 => "int16",
        ScalarType.Int32 => "int32",
        ScalarType.Int64 => "int64",
        ScalarType.Float16 => "float16",
        ScalarType.BFloat16 => "bfloat16",
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.ComplexFloat32 => "complex64",
        ScalarType.ComplexFloat64 => "complex128",
        ScalarType.Bool => "bool",
        _ => dtype.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The module's type name as print(model) shows it: "Linear", or the name a custom module gave. TorchSharp's own
    /// modules go by their .NET type, since GetName() misreports some: libtorch's "torch::nn::SequentialImpl" for
    /// Sequential, and "BatchNorm1d" for BatchNorm2d and BatchNorm3d (TorchSharp 0.107).
    /// </summary>
    public static string TypeName(torch.nn.Module module) =>
        module.GetType().Namespace == typeof(Modules.Linear).Namespace ? module.GetType().Name : module.GetName();

    /// <summary>A layer's configuration as PyTorch's extra_repr writes it; TorchSharp's modules have no extra_repr of their own.</summary>
    public static string ExtraRepr(torch.nn.Module module) => TorchSharpExtraRepr.Of(module);

    /// <summary>
    /// Why a layer refused its input (a shape mismatch), or null when <paramref name="error"/> is not such a refusal.
    /// libtorch reports them as an ExternalException whose message goes on with C++ stack frames after the reason
    /// ("Exception raised from ..."); the reason alone is kept. TorchSharp's own checks throw ArgumentException.
    /// </summary>
    public static string? LayerFailure(Exception error)
    {
        if (error is not (ExternalException or ArgumentException or InvalidOperationException)) return null;
        var frames = error.Message.IndexOf("\nException raised from", StringComparison.Ordinal);
        return frames < 0 ? error.Message : error.Message[..frames];
    }
}
