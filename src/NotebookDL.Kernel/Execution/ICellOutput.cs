using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// Where a running cell's side effects go. The Jupyter kernel turns them into iopub messages, the headless
/// runner into nbformat outputs; execution itself knows neither.
/// </summary>
public interface ICellOutput
{
    /// <summary>Text written to Console.Out ("stdout") or Console.Error ("stderr").</summary>
    void WriteStream(string name, string text);

    /// <summary>A rich display; with <paramref name="update"/> it replaces the display named <paramref name="displayId"/>.</summary>
    void Display(JsonObject data, JsonObject metadata, string? displayId, bool update);

    void ClearOutput(bool wait);

    /// <summary>A line typed by the user for Console.ReadLine, or null when no frontend can answer (allow_stdin false).</summary>
    string? ReadLine(string prompt, bool password);
}
