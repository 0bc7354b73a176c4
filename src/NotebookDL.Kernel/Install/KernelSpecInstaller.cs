using System.Reflection;
using System.Text.Json.Nodes;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Install;

/// <summary>
/// Writes and removes the notebookdl-csharp kernelspec (managed engine) and, on request, notebookdl-csharp-torchsharp:
/// the same kernel started on TorchSharp through the NOTEBOOKDL_ENGINE variable of its kernel.json.
/// </summary>
public static class KernelSpecInstaller
{
    public const string KernelName = "notebookdl-csharp";
    public const string DisplayName = "C# (NotebookDL)";

    /// <summary>The kernelspec's name for <paramref name="engine"/>: the plain name for the default (managed) engine.</summary>
    public static string KernelNameFor(string? engine) => IsDefault(engine) ? KernelName : $"{KernelName}-{engine}";

    public static string DisplayNameFor(string? engine) => IsDefault(engine) ? DisplayName : "C# (NotebookDL, TorchSharp)";

    private static bool IsDefault(string? engine) => engine is null or Engines.KernelEngines.ManagedName;

    /// <summary>
    /// How Jupyter should start this kernel. An installed tool or a repository build both run through their
    /// native launcher (ProcessPath); under "dotnet NotebookDL.Kernel.dll" the launcher is dotnet plus the dll.
    /// </summary>
    public static IReadOnlyList<string> KernelArgv()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell how this process was started");
        var launcher = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? new[] { process, Assembly.GetEntryAssembly()?.Location ?? typeof(KernelSpecInstaller).Assembly.Location }
            : [process];
        return [.. launcher, "kernel", "-f", "{connection_file}"];
    }

    public static JsonObject KernelJson(IReadOnlyList<string> argv, string? engine = null) => new()
    {
        ["argv"] = new JsonArray([.. argv.Select(a => (JsonNode)JsonValue.Create(a))]),
        ["display_name"] = DisplayNameFor(engine),
        ["language"] = "C#",
        ["interrupt_mode"] = "message",
        // Cells keep JITting new code, which postpones the runtime's tier-up of Roslyn indefinitely; counting calls
        // from the start gets warm cells to optimised code (a 1+1 round trip drops by about a quarter).
        ["env"] = IsDefault(engine)
            ? new JsonObject { ["DOTNET_TC_CallCountingDelayMs"] = "0" }
            : new JsonObject { ["DOTNET_TC_CallCountingDelayMs"] = "0", [Engines.KernelEngines.EnvironmentVariable] = engine },
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>
    /// Installs into the user's data directory, under <paramref name="prefix"/>, or into an explicit Jupyter data
    /// directory (tests); returns the kernelspec folder.
    /// </summary>
    public static string Install(string? prefix = null, IReadOnlyList<string>? argv = null, string? dataDirectory = null, string? engine = null)
    {
        var data = dataDirectory ?? (prefix is null ? JupyterPaths.UserDataDirectory() : JupyterPaths.PrefixDataDirectory(prefix));
        var folder = Path.Combine(JupyterPaths.KernelsDirectory(data), KernelNameFor(engine));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "kernel.json"), KernelJson(argv ?? KernelArgv(), engine).ToJsonString(Json.Indented) + "\n");
        foreach (var logo in Logos) WriteLogo(folder, logo);
        return folder;
    }

    /// <summary>The launcher icons Jupyter looks for beside kernel.json (JupyterLab's launcher, VS Code's kernel picker).</summary>
    public static IReadOnlyList<string> Logos { get; } = ["logo-32x32.png", "logo-64x64.png"];

    private static void WriteLogo(string folder, string name)
    {
        using var logo = typeof(KernelSpecInstaller).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The kernel was built without its {name} resource (see NotebookDL.Kernel.csproj).");
        using var file = File.Create(Path.Combine(folder, name));
        logo.CopyTo(file);
    }

    /// <summary>Kernelspecs earlier in Jupyter's lookup order that would hide the one just installed.</summary>
    public static IEnumerable<string> Shadowing(string installed) =>
        JupyterPaths.DataDirectories()
            .Select(d => Path.Combine(JupyterPaths.KernelsDirectory(d), Path.GetFileName(installed)))
            .TakeWhile(f => !SamePath(f, installed))
            .Where(Directory.Exists);

    /// <summary>Removes the kernelspecs (both engines') from the user directory, JUPYTER_PATH entries and <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<string> Uninstall(string? prefix = null)
    {
        var candidates = JupyterPaths.JupyterPathEntries().Append(JupyterPaths.UserDataDirectory());
        if (prefix is not null) candidates = candidates.Prepend(JupyterPaths.PrefixDataDirectory(prefix));
        var removed = new List<string>();
        var names = Engines.KernelEngines.Names.Select(KernelNameFor).ToArray();
        foreach (var folder in candidates.Distinct().SelectMany(d => names.Select(n => Path.Combine(JupyterPaths.KernelsDirectory(d), n))))
        {
            if (!Directory.Exists(folder)) continue;
            Directory.Delete(folder, recursive: true);
            removed.Add(folder);
        }
        return removed;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
