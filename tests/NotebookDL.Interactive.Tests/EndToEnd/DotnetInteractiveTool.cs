using System.Text.Json.Nodes;

namespace NotebookDL.Interactive.Tests.EndToEnd;

/// <summary>
/// The real host: the Microsoft.dotnet-interactive tool, installed once with --tool-path into a temporary folder
/// (kept between runs), and its C# Jupyter kernelspec written into a temporary Jupyter data folder.
/// </summary>
public static class DotnetInteractiveTool
{
    public const string Version = "1.0.712001";

    private static readonly string ToolPath = Path.Combine(Path.GetTempPath(), "notebookdl-dotnet-interactive", Version);

    private static readonly Lazy<string?> missing = new(FindMissing);

    /// <summary>Why the end-to-end tests must skip (no tool, no nbclient), or null when everything is there.</summary>
    public static string? MissingReason => missing.Value;

    public static string Executable => Path.Combine(ToolPath, "dotnet-interactive");

    public static string Python => Environment.GetEnvironmentVariable("NOTEBOOKDL_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    private static string? FindMissing()
    {
        if (!File.Exists(Python)) return $"{Python} not found; install python3-nbclient (apt-get install python3-nbclient) or set NOTEBOOKDL_PYTHON";
        if (Processes.Run(Python, ["-c", "import nbclient, nbformat"], TimeSpan.FromMinutes(1)).ExitCode != 0)
            return $"{Python} cannot import nbclient; apt-get install python3-nbclient";
        if (File.Exists(Executable)) return null;
        var (exit, output) = Processes.Run(Processes.Dotnet, ["tool", "install", "--tool-path", ToolPath, "Microsoft.dotnet-interactive", "--version", Version], TimeSpan.FromMinutes(5));
        return exit == 0 && File.Exists(Executable) ? null
            : $"could not install the Microsoft.dotnet-interactive tool {Version} into {ToolPath} (exit {exit}): {output.Trim()}";
    }

    /// <summary>
    /// A Jupyter data folder whose kernels/.net-csharp is the tool's own kernelspec ("jupyter install --path"), started
    /// through the tool-path executable because its "dotnet interactive" needs a global install.
    /// </summary>
    public static string CreateJupyterDataFolder(string root)
    {
        var kernels = Directory.CreateDirectory(Path.Combine(root, "kernels")).FullName; // the tool refuses a folder that is not there
        var (exit, output) = Processes.Run(Executable, ["jupyter", "install", "--path", kernels], TimeSpan.FromMinutes(2));
        var spec = Path.Combine(kernels, ".net-csharp", "kernel.json");
        if (exit != 0 || !File.Exists(spec)) throw new InvalidOperationException($"dotnet-interactive jupyter install --path {kernels} failed (exit {exit}): {output}");
        var json = JsonNode.Parse(File.ReadAllText(spec))!;
        var argv = json["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        if (argv is not ["dotnet", "interactive", ..]) throw new InvalidOperationException($"unexpected kernelspec argv in {spec}: {string.Join(' ', argv)}");
        json["argv"] = new JsonArray([.. argv.Skip(2).Prepend(Executable).Select(a => JsonValue.Create(a))]);
        File.WriteAllText(spec, json.ToJsonString());
        return root;
    }
}

/// <summary>A test that needs the real dotnet-interactive host and nbclient; skipped with the reason otherwise.</summary>
public sealed class DotnetInteractiveFactAttribute : FactAttribute
{
    public DotnetInteractiveFactAttribute()
    {
        if (DotnetInteractiveTool.MissingReason is { } reason) Skip = ".NET Interactive end-to-end test skipped: " + reason;
    }
}
