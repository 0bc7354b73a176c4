using System.Text.Json.Nodes;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Grading;

/// <summary>
/// Caps the text one cell may print while it is graded (like nbgrader's LimitOutput), so a submission that prints
/// in an endless loop costs its exercise (it is stopped by the timeout) instead of the grader's memory.
/// </summary>
public sealed class LimitedOutput(ICellOutput inner, int maxCharacters = LimitedOutput.DefaultMaxCharacters) : ICellOutput
{
    public const int DefaultMaxCharacters = 100_000;
    private readonly Lock gate = new();
    private int written;
    private bool truncated;

    public void WriteStream(string name, string text)
    {
        lock (gate)
        {
            if (truncated) return;
            int room = maxCharacters - written;
            if (text.Length <= room)
            {
                written += text.Length;
                inner.WriteStream(name, text);
                return;
            }
            truncated = true;
            inner.WriteStream(name, text[..Math.Max(room, 0)] + $"\n... output truncated: the cell printed more than {maxCharacters:N0} characters ...\n");
        }
    }

    public void Display(JsonObject data, JsonObject metadata, string? displayId, bool update) => inner.Display(data, metadata, displayId, update);

    public void ClearOutput(bool wait) => inner.ClearOutput(wait);

    public string? ReadLine(string prompt, bool password) => inner.ReadLine(prompt, password);
}
