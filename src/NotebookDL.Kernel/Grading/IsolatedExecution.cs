using System.Text.Json.Nodes;
using NotebookDL.Kernel.Execution;
using Json = NotebookDL.Kernel.Protocol.Json;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Grading;

/// <summary>
/// Executes a notebook for grading in a separate kernel process, so a submission that calls Environment.Exit,
/// overflows the stack in native code or crashes a thread costs only its own exercise. When the process dies in a
/// cell, that cell gets a DeadKernelError and the notebook runs again from the top in a fresh process without it
/// (earlier cells rebuild the state later cells need); the outputs of the last, complete run are kept.
/// </summary>
public static class IsolatedExecution
{
    /// <summary>After this many kernel deaths the cells not yet run are reported as not run.</summary>
    public const int MaxRestarts = 5;

    public const string DeadKernelName = "DeadKernelError";
    public const string NotRunName = "CellNotRun";

    /// <summary>Runs the code cells of <paramref name="notebook"/>, filling in outputs and execution counts; returns notes on restarts.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(JsonObject notebook, string directory, TimeSpan timeout, TextWriter progress)
    {
        var cells = NotebookJson.Cells(notebook).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"notebookdl-grade-{Guid.NewGuid():N}.ipynb");
        await File.WriteAllTextAsync(path, notebook.ToJsonString(Json.Indented)).ConfigureAwait(false);
        var skipped = new SortedDictionary<int, CellError>();
        var notes = new List<string>();
        try
        {
            for (int attempt = 0; ; attempt++)
            {
                var run = await WorkerProcess.RunAsync(path, directory, skipped.Keys, timeout).ConfigureAwait(false);
                if (!run.Finished && run.LastStarted is null)
                    throw new InvalidOperationException($"the grading kernel stopped before running any cell (exit code {run.ExitCode}): {run.StderrTail.Trim()}");
                foreach (var (index, (count, outputs)) in run.Cells)
                {
                    cells[index]["execution_count"] = count;
                    cells[index]["outputs"] = outputs.DeepClone();
                }
                if (run.Finished) break;
                int died = run.LastStarted!.Value;
                var why = run.KilledByWatchdog
                    ? $"the cell did not stop within {timeout.TotalSeconds:0.#} s even when interrupted; the kernel was stopped"
                    : $"the kernel process exited (code {run.ExitCode}) while running this cell";
                skipped[died] = new CellError(DeadKernelName, why,
                    [$"{DeadKernelName}: {why}.", "The remaining cells ran in a fresh kernel (earlier cells were run again to rebuild their state)."]);
                notes.Add($"cell {died + 1}: {why}; restarted the kernel without it");
                progress.WriteLine($"  cell {died + 1}: {why}; restarting");
                if (attempt + 1 >= MaxRestarts)
                {
                    MarkNotRun(cells, run, skipped, died);
                    notes.Add($"the kernel died {MaxRestarts} times; the cells after cell {died + 1} were not run");
                    break;
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
        foreach (var (index, error) in skipped)
        {
            var json = error.ToJson();
            json["output_type"] = "error";
            cells[index]["outputs"] = new JsonArray(json);
        }
        return notes;
    }

    private static void MarkNotRun(List<JsonObject> cells, WorkerRun run, SortedDictionary<int, CellError> skipped, int died)
    {
        for (int i = died + 1; i < cells.Count; i++)
            if (NotebookJson.IsCode(cells[i]) && !run.Cells.ContainsKey(i) && !skipped.ContainsKey(i)
                && !string.IsNullOrWhiteSpace(NotebookJson.Text(cells[i]["source"])))
                skipped[i] = new CellError(NotRunName, "not run: the kernel kept dying",
                    [$"{NotRunName}: not run, because the kernel died {MaxRestarts} times in earlier cells."]);
    }
}
