using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NotebookDL.Kernel.Tests.Integration.Browser;

/// <summary>
/// Drains a started process's stdout and stderr (so a chatty server never blocks on a full pipe), keeps the last
/// lines for failure messages, and lets a test wait for the line that says the process is ready.
/// </summary>
public sealed class ProcessOutput
{
    private const int KeptLines = 60;
    private readonly Process process;
    private readonly Queue<string> lines = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<string> Seen)> waiting = [];

    public ProcessOutput(Process process)
    {
        this.process = process;
        _ = PumpAsync(process.StandardError);
        _ = PumpAsync(process.StandardOutput);
    }

    public string Tail
    {
        get
        {
            lock (lines) return string.Join('\n', lines);
        }
    }

    /// <summary>The first line (already seen or still to come) that matches; throws with the output so far if none comes in time or the process exits.</summary>
    public async Task<string> WaitForLineAsync(Regex pattern, TimeSpan timeout, string waitingFor)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (lines)
        {
            if (lines.FirstOrDefault(pattern.IsMatch) is { } already) return already;
            waiting.Add((pattern, seen));
        }
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(seen.Task, exited, Task.Delay(timeout));
        if (first == seen.Task) return await seen.Task;
        var why = first == exited ? $"it exited with code {process.ExitCode}" : $"nothing matched within {timeout.TotalSeconds:0} s";
        throw new InvalidOperationException($"Waited for {waitingFor}, but {why}. Its output:\n{Tail}");
    }

    /// <summary>Kills the process and everything it started (a notebook server's kernels, Chromium's helpers).</summary>
    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // it had already gone
        }
        process.Dispose();
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (lines)
            {
                lines.Enqueue(line);
                if (lines.Count > KeptLines) lines.Dequeue();
                foreach (var (pattern, seen) in waiting.Where(w => w.Pattern.IsMatch(line))) seen.TrySetResult(line);
                waiting.RemoveAll(w => w.Seen.Task.IsCompleted);
            }
        }
    }
}
