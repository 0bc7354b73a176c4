using System.Diagnostics;
using NotebookDL.Kernel.Install;

namespace NotebookDL.Kernel.Tests.Integration;

/// <summary>
/// Runs real Jupyter clients (Debian's python3-jupyter-client, python3-jupyter-kernel-test, jupyter-nbconvert)
/// against the kernel built with these tests. Each test gets its own kernelspec directory.
/// </summary>
public static class JupyterClients
{
    /// <summary>The Python that has the Jupyter packages: NOTEBOOKDL_PYTHON, else Debian's /usr/bin/python3.</summary>
    public static string Python => Environment.GetEnvironmentVariable("NOTEBOOKDL_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    private static readonly Dictionary<string, string?> Missing = [];

    /// <summary>Why the tests needing <paramref name="module"/> must skip, or null when it imports.</summary>
    public static string? MissingReason(string module)
    {
        lock (Missing)
        {
            if (Missing.TryGetValue(module, out var cached)) return cached;
            string? reason = null;
            if (!File.Exists(Python)) reason = $"{Python} not found; install python3 with {module} (apt-get install {DebianPackages(module)}) or set NOTEBOOKDL_PYTHON";
            else if (Run(Python, ["-c", $"import {module}"], Environment.CurrentDirectory, null, TimeSpan.FromSeconds(60)).ExitCode != 0)
                reason = $"{Python} cannot import {module}; apt-get install {DebianPackages(module)}";
            Missing[module] = reason;
            return reason;
        }
    }

    /// <summary>The Debian packages that bring <paramref name="module"/>: the classic Notebook UI has its own.</summary>
    private static string DebianPackages(string module) =>
        module == "notebook" ? "python3-notebook" : "python3-jupyter-client python3-jupyter-kernel-test jupyter-nbconvert";

    /// <summary>A temporary Jupyter data directory holding a kernelspec that starts the kernel next to these tests.</summary>
    public static string CreateDataDirectory(string? engine = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "notebookdl-kernel-tests", Guid.NewGuid().ToString("N"));
        var dll = Path.Combine(AppContext.BaseDirectory, "NotebookDL.Kernel.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        KernelSpecInstaller.Install(argv: [dotnet, dll, "kernel", "-f", "{connection_file}"], dataDirectory: data, engine: engine);
        return data;
    }

    public static (int ExitCode, string Output) RunPython(string script, string dataDirectory, params string[] args) =>
        Run(Python, [script, .. args], Path.Combine(AppContext.BaseDirectory, "Integration"), dataDirectory, TimeSpan.FromMinutes(5));

    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, string workingDirectory, string? dataDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        if (dataDirectory is not null)
        {
            start.Environment["JUPYTER_DATA_DIR"] = dataDirectory;
            start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(dataDirectory, "runtime");
            start.Environment.Remove("JUPYTER_PATH");
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout}\n{stdout.Result}\n{stderr.Result}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

/// <summary>A test that needs a Python module from Debian's Jupyter packages; skipped with the reason otherwise.</summary>
public sealed class RequiresPythonFactAttribute : FactAttribute
{
    public RequiresPythonFactAttribute(string module)
    {
        if (JupyterClients.MissingReason(module) is { } reason) Skip = reason;
    }
}

/// <summary>A theory that needs a Python module from Debian's Jupyter packages; skipped with the reason otherwise.</summary>
public sealed class RequiresPythonTheoryAttribute : TheoryAttribute
{
    public RequiresPythonTheoryAttribute(string module)
    {
        if (JupyterClients.MissingReason(module) is { } reason) Skip = reason;
    }
}
