extern alias torchsharp;

using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Engines;

/// <summary>
/// The engines a notebook can run on, chosen by name (<c>#!engine</c>, <c>--engine</c>, or the NOTEBOOKDL_ENGINE
/// variable for the default). The managed engine is the default: it needs no native libraries.
/// </summary>
public static class KernelEngines
{
    /// <summary>Names the engine new sessions start on (managed or torchsharp) when no option chooses one.</summary>
    public const string EnvironmentVariable = "NOTEBOOKDL_ENGINE";

    public const string ManagedName = "managed";

    public const string TorchSharpName = "torchsharp";

    private static readonly Lazy<KernelEngine> managed = new(() => KernelEngine.For(typeof(NotebookDL.Display.HostServices)));

    // TorchSharp-cpu carries libtorch for the CPU; a GPU user references a CUDA package instead (see the README).
    private static readonly Lazy<KernelEngine> torchSharp = new(() => KernelEngine.For(
        typeof(torchsharp::NotebookDL.Display.HostServices), new PackageRequest("TorchSharp-cpu", TorchSharpVersion())));

    private static string? defaultName;

    public static IReadOnlyList<string> Names { get; } = [ManagedName, TorchSharpName];

    public static KernelEngine Managed => managed.Value;

    public static KernelEngine TorchSharp => torchSharp.Value;

    /// <summary>The engine new sessions start on: the one set here (by --engine), else NOTEBOOKDL_ENGINE's, else managed.</summary>
    public static KernelEngine Default
    {
        get
        {
            if (defaultName is not null) return Get(defaultName);
            var variable = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(variable)) return Managed;
            try
            {
                return Get(variable);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"{EnvironmentVariable}: {e.Message}", e);
            }
        }
    }

    /// <summary>Makes <paramref name="name"/> the engine of sessions created from now on.</summary>
    public static void SetDefault(string name) => defaultName = Get(name).Name;

    /// <summary>The engine called <paramref name="name"/> (case-insensitive); an ArgumentException naming the choices otherwise.</summary>
    public static KernelEngine Get(string name) => name.Trim().ToLowerInvariant() switch
    {
        ManagedName => Managed,
        TorchSharpName => TorchSharp,
        _ => throw new ArgumentException($"'{name}' is not an engine NotebookDL knows; choose {string.Join(" or ", Names)}."),
    };

    private static string TorchSharpVersion() =>
        typeof(global::TorchSharp.torch).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.107.0";
}
