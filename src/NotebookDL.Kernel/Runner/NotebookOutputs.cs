using System.Text.Json.Nodes;
using NotebookDL.Kernel.Display;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Runner;

/// <summary>
/// Collects a running cell's outputs as nbformat outputs, the way nbclient records iopub messages: consecutive
/// stream text merges, clear_output(wait) clears when the next output arrives, and an update of a display id
/// rewrites every output with that id, in whichever cell it was shown.
/// </summary>
public sealed class NotebookOutputs : ICellOutput
{
    private readonly Dictionary<string, List<JsonObject>> displays = [];
    private JsonArray outputs = [];
    private bool clearPending;

    /// <summary>Where outputs go from now on (the cell about to run).</summary>
    public void StartCell(JsonArray cellOutputs)
    {
        outputs = cellOutputs;
        clearPending = false;
    }

    public void WriteStream(string name, string text)
    {
        lock (outputs)
        {
            ClearIfPending();
            if (outputs.LastOrDefault() is JsonObject last && last["output_type"]?.GetValue<string>() == "stream"
                && last["name"]?.GetValue<string>() == name)
            {
                last["text"] = NotebookJson.Lines(NotebookJson.Text(last["text"]) + text);
                return;
            }
            outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = NotebookJson.Lines(text) });
        }
    }

    public void Display(JsonObject data, JsonObject metadata, string? displayId, bool update)
    {
        lock (outputs)
        {
            if (update)
            {
                if (displayId is null || !displays.TryGetValue(displayId, out var shown)) return;
                foreach (var output in shown)
                {
                    output["data"] = NotebookJson.MimeData(data);
                    output["metadata"] = metadata.DeepClone();
                }
                return;
            }
            ClearIfPending();
            var display = new JsonObject
            {
                ["output_type"] = "display_data",
                ["data"] = NotebookJson.MimeData(data),
                ["metadata"] = metadata.DeepClone(),
            };
            outputs.Add(display);
            if (displayId is not null)
            {
                if (!displays.TryGetValue(displayId, out var list)) displays[displayId] = list = [];
                list.Add(display);
            }
        }
    }

    public void ClearOutput(bool wait)
    {
        lock (outputs)
        {
            if (wait) clearPending = true;
            else Clear();
        }
    }

    public string? ReadLine(string prompt, bool password) => null; // headless: no one to ask

    public void AddResult(int executionCount, JsonObject bundle)
    {
        lock (outputs)
        {
            ClearIfPending();
            outputs.Add(new JsonObject
            {
                ["output_type"] = "execute_result",
                ["execution_count"] = executionCount,
                ["data"] = NotebookJson.MimeData(bundle),
                ["metadata"] = PictureMetadata.For(bundle),
            });
        }
    }

    public void AddError(CellError error)
    {
        lock (outputs)
        {
            ClearIfPending();
            var json = error.ToJson();
            json["output_type"] = "error";
            outputs.Add(json);
        }
    }

    private void ClearIfPending()
    {
        if (!clearPending) return;
        clearPending = false;
        Clear();
    }

    private void Clear()
    {
        foreach (var list in displays.Values) list.RemoveAll(o => o.Parent == outputs);
        outputs.Clear();
    }
}
