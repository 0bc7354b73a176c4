using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Grading;

/// <summary>What one grade-worker process reported: each finished cell's outputs, and where it stopped if it died.</summary>
public sealed record WorkerRun(IReadOnlyDictionary<int, (int ExecutionCount, JsonArray Outputs)> Cells, bool Finished, int? LastStarted,
    int? ExitCode, bool KilledByWatchdog, string StderrTail);

/// <summary>
/// Starts `notebookdl grade-worker` as a child process (the same executable, or `dotnet NotebookDL.Kernel.dll`)
/// and reads its cell reports. A worker that stays silent past the cell timeout plus a grace period is killed.
/// </summary>
public static class WorkerProcess
{
    /// <summary>Beyond the cell timeout: the interrupt's own grace, and time to start .NET and Roslyn.</summary>
    public static TimeSpan WatchdogGrace { get; set; } = TimeSpan.FromSeconds(30);

    public static async Task<WorkerRun> RunAsync(string notebookPath, string directory, IReadOnlyCollection<int> skip, TimeSpan timeout)
    {
        var info = KernelExecutable.StartInfo();
        foreach (var argument in new[] { "grade-worker", notebookPath, "--directory", directory,
                     "--timeout", timeout.TotalSeconds.ToString("R", CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(argument);
        if (skip.Count > 0)
        {
            info.ArgumentList.Add("--skip");
            info.ArgumentList.Add(string.Join(',', skip));
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start the grading kernel ({info.FileName})");
        process.StandardInput.Close(); // a cell reading input gets end-of-input, as in the headless runner
        var stderr = process.StandardError.ReadToEndAsync();
        var cells = new Dictionary<int, (int, JsonArray)>();
        int? running = null, lastStarted = null;
        bool finished = false, killed = false;
        while (true)
        {
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync().WaitAsync(timeout + WatchdogGrace).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                killed = true;
                process.Kill(entireProcessTree: true);
                break;
            }
            if (line is null) break;
            if (!line.StartsWith(GradeWorker.Marker, StringComparison.Ordinal)) continue; // a cell writing to the raw stdout
            var message = JsonNode.Parse(line[GradeWorker.Marker.Length..])!;
            switch (message["event"]?.GetValue<string>())
            {
                case "start":
                    running = lastStarted = message["cell"]!.GetValue<int>();
                    break;
                case "done":
                    cells[message["cell"]!.GetValue<int>()] = (message["execution_count"]!.GetValue<int>(), message["outputs"]!.AsArray());
                    running = null;
                    break;
                case "finished":
                    finished = true;
                    break;
            }
        }
        await process.WaitForExitAsync().ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        return new WorkerRun(cells, finished, running ?? lastStarted, process.ExitCode, killed, errors.Length > 2000 ? errors[^2000..] : errors);
    }
}
