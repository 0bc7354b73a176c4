using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NotebookDL.Kernel.Engines;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// What every cell compiles against: the framework (with XML docs from the SDK's targeting pack when it is
/// installed, so inspect can show summaries), the chosen engine with NotebookDL's training and displays, and the
/// default usings.
/// </summary>
public static class ScriptEnvironment
{
    private static readonly string[] FrameworkImports =
        ["System", "System.Linq", "System.Collections.Generic", "System.Text", "System.Threading.Tasks"];

    /// <summary>The imports of a cell on <paramref name="engine"/>: the framework's, the engine's, then the kernel's notebook functions.</summary>
    public static IReadOnlyList<string> Imports(KernelEngine engine) =>
        [.. FrameworkImports, .. engine.Imports, "NotebookDL.Kernel.Display.KernelNotebook"];

    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Script);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(BuildFrameworkReferences);
    private static readonly ConcurrentDictionary<KernelEngine, IReadOnlyList<MetadataReference>> EngineReferences = new();

    public static ScriptOptions CreateOptions(string baseDirectory, KernelEngine engine) => ScriptOptions.Default
        .WithReferences(EngineReferences.GetOrAdd(engine, e => [.. FrameworkReferences.Value, .. LibraryAssemblies(e).Select(Reference)]))
        .WithImports(Imports(engine))
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithOptimizationLevel(OptimizationLevel.Release) // Debug IL would also turn off JIT optimisation of user loops
        .WithEmitDebugInformation(true)                  // line numbers in tracebacks
        .WithFileEncoding(System.Text.Encoding.UTF8)     // debug information needs the source text's encoding
        .WithAllowUnsafe(true)
        .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
        .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(baseDirectory));

    /// <summary>Assemblies shipped next to the kernel that cells may use directly: the engine's, the kernel's, optional extras.</summary>
    private static IEnumerable<Assembly> LibraryAssemblies(KernelEngine engine)
    {
        foreach (var assembly in engine.Assemblies) yield return assembly;
        yield return typeof(CellCancellation).Assembly;
        foreach (var name in new[] { "System.Numerics.Tensors" })
        {
            Assembly? loaded = null;
            try
            {
                loaded = Assembly.Load(name);
            }
            catch (FileNotFoundException)
            {
                // Optional: not every build carries it.
            }
            if (loaded is not null) yield return loaded;
        }
    }

    private static MetadataReference Reference(Assembly assembly) =>
        MetadataReference.CreateFromFile(assembly.Location, documentation: XmlDocumentation.ForAssembly(assembly.Location));

    /// <summary>
    /// Cells compile against the running framework's implementation assemblies: Roslyn scripting always adds the
    /// runtime's System.Private.CoreLib, which clashes with the targeting pack's reference assemblies. The pack's
    /// XML files (same file names; CoreLib's types are documented in System.Runtime.xml) still supply docs.
    /// </summary>
    private static IReadOnlyList<MetadataReference> BuildFrameworkReferences()
    {
        var docs = FindReferencePack();
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
        return platform
            .Where(p => Path.GetDirectoryName(p) == frameworkDir && IsManagedFramework(Path.GetFileName(p)))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p, documentation: FrameworkDocs(docs, p)))
            .ToList();
    }

    private static XmlDocumentation? FrameworkDocs(string? docsDirectory, string assemblyPath)
    {
        if (docsDirectory is null) return null;
        var name = Path.GetFileName(assemblyPath) == "System.Private.CoreLib.dll" ? "System.Runtime.dll" : Path.GetFileName(assemblyPath);
        return XmlDocumentation.ForAssembly(Path.Combine(docsDirectory, name));
    }

    /// <summary>
    /// Every assembly of the shared framework, System.Private.* included: the public facades forward many types there
    /// (System.Xml.Linq's XDocument lives in System.Private.Xml.Linq), so leaving them out gives CS1069 in a cell.
    /// The trusted-platform list holds managed assemblies only.
    /// </summary>
    private static bool IsManagedFramework(string file) => file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The SDK's Microsoft.NETCore.App.Ref for the running runtime's major.minor, e.g.
    /// /usr/share/dotnet/packs/Microsoft.NETCore.App.Ref/10.0.x/ref/net10.0.
    /// </summary>
    private static string? FindReferencePack()
    {
        var runtime = Environment.Version;
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs)) return null;
        var tfm = $"net{runtime.Major}.{runtime.Minor}";
        return Directory.EnumerateDirectories(packs)
            .Select(dir => (dir, version: Version.TryParse(Path.GetFileName(dir).Split('-')[0], out var v) ? v : null))
            .Where(p => p.version is not null && p.version.Major == runtime.Major && p.version.Minor == runtime.Minor)
            .OrderByDescending(p => p.version)
            .Select(p => Path.Combine(p.dir, "ref", tfm))
            .FirstOrDefault(Directory.Exists);
    }
}
