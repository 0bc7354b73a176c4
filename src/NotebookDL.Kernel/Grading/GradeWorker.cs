using System.Text.Json.Nodes;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Grading;

/// <summary>
/// The child-process side of grading (`notebookdl grade-worker`): runs a notebook's code cells in a fresh session
/// and reports each cell on the real stdout as one marked JSON line ("start" before, "done" with its outputs
/// after), so the grader knows which cell was running if a submission ends the process.
/// </summary>
public static class GradeWorker
{
    public const string Marker = "@@notebookdl-grade ";

    public static async Task<int> RunAsync(string notebookPath, string directory, IReadOnlySet<int> skip, TimeSpan timeout)
    {
        // Taken before the first cell redirects Console.Out to the notebook.
        var channel = TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true });
        var notebook = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(notebookPath).ConfigureAwait(false))!;
        Directory.SetCurrentDirectory(directory);
        var interpreter = new Interpreter(directory);
        var collector = new NotebookOutputs();
        var cells = NotebookJson.Cells(notebook).ToList();
        int count = 0;
        for (int index = 0; index < cells.Count; index++)
        {
            var source = NotebookJson.Text(cells[index]["source"]);
            if (!NotebookJson.IsCode(cells[index]) || skip.Contains(index) || string.IsNullOrWhiteSpace(source)
                || NotebookJson.ForeignLanguage(cells[index]) is not null) continue;
            Send(channel, new JsonObject { ["event"] = "start", ["cell"] = index });
            var outputs = new JsonArray();
            collector.StartCell(outputs);
            var result = await NotebookRunner.RunCellAsync(interpreter, source, $"In[{++count}]", new LimitedOutput(collector), timeout).ConfigureAwait(false);
            if (result.Value is { } value) collector.AddResult(count, value);
            if (result.Error is { } error) collector.AddError(error);
            CellConsole.Flush();
            JsonNode snapshot;
            lock (outputs) snapshot = outputs.DeepClone(); // background work of the cell may still be printing
            Send(channel, new JsonObject { ["event"] = "done", ["cell"] = index, ["execution_count"] = count, ["outputs"] = snapshot });
        }
        Send(channel, new JsonObject { ["event"] = "finished" });
        return 0;
    }

    private static void Send(TextWriter channel, JsonObject message) => channel.WriteLine(Marker + message.ToJsonString());
}
