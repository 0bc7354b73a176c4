using System.Text.Json.Nodes;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Server;

/// <summary>
/// A cell's outputs as iopub messages parented to its execute_request; silent requests publish nothing.
/// Console.ReadLine becomes an input_request on stdin when the request allows it.
/// </summary>
public sealed class IopubCellOutput(MessageSender sender, JupyterMessage request, bool silent, bool allowStdin, StdinChannel stdin) : ICellOutput
{
    public void WriteStream(string name, string text)
    {
        if (!silent) sender.Publish("stream", new JsonObject { ["name"] = name, ["text"] = text }, request);
    }

    public void Display(JsonObject data, JsonObject metadata, string? displayId, bool update)
    {
        if (silent) return;
        var content = new JsonObject { ["data"] = data.DeepClone(), ["metadata"] = metadata.DeepClone() };
        if (displayId is not null || update) content["transient"] = new JsonObject { ["display_id"] = displayId };
        sender.Publish(update ? "update_display_data" : "display_data", content, request);
    }

    public void ClearOutput(bool wait)
    {
        if (!silent) sender.Publish("clear_output", new JsonObject { ["wait"] = wait }, request);
    }

    public string? ReadLine(string prompt, bool password) =>
        allowStdin ? stdin.ReadLine(request, prompt, password, CellCancellation.Token) : null;
}
