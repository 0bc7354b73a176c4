using System.Reflection;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Engines;

/// <summary>
/// One tensor engine as the kernel drives it. Each display flavour (managed, TorchSharp) compiles the same
/// <c>NotebookDL.Display.HostServices</c> source into its own assembly; the kernel binds that class's methods to
/// delegates here, so everything above (cells, magics, displays) is written once for both engines.
/// </summary>
public sealed class KernelEngine
{
    private KernelEngine(Type services, PackageRequest? nativePackage)
    {
        Name = (string)(services.GetProperty("EngineName")?.GetValue(null) ?? throw Missing(services, "EngineName"));
        NativePackage = nativePackage;
        Activate = Bind<Action>(services, "Activate");
        Assemblies = Bind<Func<IReadOnlyList<Assembly>>>(services, "Assemblies")();
        Imports = Bind<Func<IReadOnlyList<string>>>(services, "Imports")();
        RegisterDisplayHost = Bind<Action<Action<string, IReadOnlyDictionary<string, string>, bool>>>(services, "RegisterDisplayHost");
        ToBundle = Bind<Func<object?, IReadOnlyDictionary<string, string>>>(services, "ToBundle");
        SetInterrupt = Bind<Action<CancellationToken>>(services, "SetInterrupt");
        Seed = Bind<Func<long, string>>(services, "Seed");
        Threads = Bind<Func<int?, string>>(services, "Threads");
        AboutText = Bind<Func<string, string, string>>(services, "AboutText");
        PrepareCellThread = Bind<Action>(services, "PrepareCellThread");
        Facts = Bind<Func<IReadOnlyList<KeyValuePair<string, string>>>>(services, "Facts");
        Preview = Bind<Func<object?, string?>>(services, "Preview");
        Summary = Bind<Func<object?, string, long[], bool, bool, IReadOnlyDictionary<string, string>>>(services, "Summary");
        HistoryPlot = Bind<Func<object?, string, IReadOnlyDictionary<string, string>>>(services, "HistoryPlot");
    }

    /// <summary>Binds the flavour whose <c>HostServices</c> class is <paramref name="services"/>.</summary>
    public static KernelEngine For(Type services, PackageRequest? nativePackage = null) => new(services, nativePackage);

    /// <summary>"managed" or "torchsharp".</summary>
    public string Name { get; }

    /// <summary>The NuGet package that carries the engine's native libraries, restored when they are missing; null when it needs none.</summary>
    public PackageRequest? NativePackage { get; }

    /// <summary>Loads what the engine needs in this process; throws with the cause and the fix when it cannot.</summary>
    public Action Activate { get; }

    /// <summary>The engine, training and display assemblies cells compile against.</summary>
    public IReadOnlyList<Assembly> Assemblies { get; }

    /// <summary>The namespaces and static classes every cell imports, engine first.</summary>
    public IReadOnlyList<string> Imports { get; }

    public Action<Action<string, IReadOnlyDictionary<string, string>, bool>> RegisterDisplayHost { get; }

    public Func<object?, IReadOnlyDictionary<string, string>> ToBundle { get; }

    public Action<CancellationToken> SetInterrupt { get; }

    /// <summary>Seeds the engine's generator; the line to show.</summary>
    public Func<long, string> Seed { get; }

    /// <summary>Shows (null) or sets the compute threads; the line to show.</summary>
    public Func<int?, string> Threads { get; }

    /// <summary>(host name, host version) → #!about's aligned lines.</summary>
    public Func<string, string, string> AboutText { get; }



    /// <summary>Run on a cell's thread before the cell: thread-bound engine settings (libtorch's OpenMP thread count).</summary>
    public Action PrepareCellThread { get; }

    public Func<IReadOnlyList<KeyValuePair<string, string>>> Facts { get; }

    public Func<object?, string?> Preview { get; }

    /// <summary>(model, its expression, input size, kernel-shape column, mult-adds column) → the summary's renderings; a CommandArgumentException when the value is no model.</summary>
    public Func<object?, string, long[], bool, bool, IReadOnlyDictionary<string, string>> Summary { get; }

    /// <summary>(history, its expression) → the curves; a CommandArgumentException when the value is no History.</summary>
    public Func<object?, string, IReadOnlyDictionary<string, string>> HistoryPlot { get; }

    public override string ToString() => Name;

    private static T Bind<T>(Type services, string name) where T : Delegate =>
        services.GetMethod(name, BindingFlags.Public | BindingFlags.Static)?.CreateDelegate<T>() ?? throw Missing(services, name);

    private static InvalidOperationException Missing(Type services, string name) =>
        new($"{services.AssemblyQualifiedName} has no public static {name} of the shape the kernel expects; the kernel and its display assemblies are from different builds.");
}
