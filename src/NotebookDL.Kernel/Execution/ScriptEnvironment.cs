using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// What every cell compiles against: the framework (its reference assemblies with XML docs when the SDK's
/// targeting pack is installed, so inspect can show summaries), NotebookDL, and the default usings.
/// </summary>
public static class ScriptEnvironment
{
    public static readonly string[] DefaultImports =
    [
        "System", "System.Linq", "System.Collections.Generic", "System.Text", "System.Threading.Tasks",
        "NotebookDL", "NotebookDL.torch",
    ];

    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Script);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(BuildReferences);

    public static ScriptOptions CreateOptions(string baseDirectory) => ScriptOptions.Default
        .WithReferences(References.Value)
        .WithImports(DefaultImports)
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithOptimizationLevel(OptimizationLevel.Release) // Debug IL would also turn off JIT optimisation of user loops
        .WithEmitDebugInformation(true)                  // line numbers in tracebacks
        .WithAllowUnsafe(true)
        .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
        .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(baseDirectory));

    /// <summary>Assemblies shipped next to the kernel that cells may use directly.</summary>
    private static IEnumerable<Assembly> LibraryAssemblies()
    {
        yield return typeof(torch).Assembly;
        yield return typeof(CellCancellation).Assembly;
        foreach (var name in new[] { "NotebookDL.Display", "System.Numerics.Tensors" })
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

    private static IReadOnlyList<MetadataReference> BuildReferences()
    {
        var references = new List<MetadataReference>();
        var refPack = FindReferencePack();
        if (refPack is not null)
        {
            foreach (var dll in Directory.EnumerateFiles(refPack, "*.dll"))
            {
                var xml = Path.ChangeExtension(dll, ".xml");
                references.Add(MetadataReference.CreateFromFile(dll,
                    documentation: File.Exists(xml) ? XmlDocumentationProvider.CreateFromFile(xml) : null));
            }
        }
        else
        {
            // No targeting pack (runtime-only machine): compile against the running framework's own assemblies.
            var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
            var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
            references.AddRange(platform
                .Where(p => Path.GetDirectoryName(p) == frameworkDir && IsManagedFramework(Path.GetFileName(p)))
                .Select(p => MetadataReference.CreateFromFile(p)));
        }
        foreach (var assembly in LibraryAssemblies())
        {
            var xml = Path.ChangeExtension(assembly.Location, ".xml");
            references.Add(MetadataReference.CreateFromFile(assembly.Location,
                documentation: File.Exists(xml) ? XmlDocumentationProvider.CreateFromFile(xml) : null));
        }
        return references;
    }

    private static bool IsManagedFramework(string file) =>
        file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
        && (file.StartsWith("System.", StringComparison.Ordinal) || file is "mscorlib.dll" or "netstandard.dll" or "Microsoft.CSharp.dll" or "Microsoft.Win32.Primitives.dll")
        && !file.StartsWith("System.Private.", StringComparison.Ordinal) || file == "System.Private.CoreLib.dll";

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
