using System.Diagnostics;

namespace NotebookDL.Interactive.Tests.EndToEnd;

/// <summary>Runs a command to completion with a time limit, returning its exit code and output.</summary>
public static class Processes
{
    /// <summary>The dotnet that runs these tests (DOTNET_HOST_PATH under dotnet test), else the one on PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            process.WaitForExitAsync(limit.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{Path.GetFileName(file)} timed out after {timeout}\n{string.Concat(output.GetAwaiter().GetResult())}");
        }
        return (process.ExitCode, string.Concat(output.GetAwaiter().GetResult()));
    }
}
