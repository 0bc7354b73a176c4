using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace NotebookDL.Plotly;

/// <summary>
/// Plotly.NET 6 is built against FSharp.Core 10.1, but .NET Interactive ships (and has already loaded) FSharp.Core
/// 10.0, so the first Plotly call fails with "Could not load file or assembly 'FSharp.Core, Version=10.1.0.0'". When
/// the loader cannot find the version asked for, this answers with the FSharp.Core already loaded (the same API for
/// what Plotly.NET uses). Elsewhere (NotebookDL's kernel, a console app) the package's own FSharp.Core loads and this
/// never runs.
/// </summary>
internal static class FSharpCoreRedirect
{
    private static int installed;

#pragma warning disable CA2255 // a library module initializer is the point: it must run before any Plotly.NET code does
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += Resolve;
        if (AssemblyLoadContext.GetLoadContext(typeof(FSharpCoreRedirect).Assembly) is { } own && own != AssemblyLoadContext.Default)
            own.Resolving += Resolve;
        PlotlyDisplay.Register();
    }

    internal static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == "FSharp.Core"
            ? AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "FSharp.Core").MaxBy(a => a.GetName().Version)
            : null;
}
