using System.Text;
using System.Text.Json.Nodes;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Tests.Execution;

/// <summary>Captures what a cell emits, in order.</summary>
public sealed class RecordingOutput : ICellOutput
{
    public List<(string Kind, string Text)> Events { get; } = [];

    public Queue<string> Input { get; } = new();

    public string Stdout => Join("stdout");

    public string Stderr => Join("stderr");

    private string Join(string name)
    {
        lock (Events) return string.Concat(Events.Where(e => e.Kind == name).Select(e => e.Text));
    }

    public void WriteStream(string name, string text)
    {
        lock (Events) Events.Add((name, text));
    }

    public void Display(JsonObject data, JsonObject metadata, string? displayId, bool update)
    {
        lock (Events) Events.Add((update ? "update" : "display", data.ToJsonString()));
    }

    public void ClearOutput(bool wait)
    {
        lock (Events) Events.Add(("clear", wait.ToString()));
    }

    public string? ReadLine(string prompt, bool password) => Input.Count > 0 ? Input.Dequeue() : null;
}

/// <summary>Cells redirect the process-wide Console, so tests that run cells must not run in parallel.</summary>
[CollectionDefinition("cells", DisableParallelization = true)]
public sealed class CellsCollection : ICollectionFixture<SharedSession>;

/// <summary>One warmed-up session shared by a test class: starting Roslyn costs seconds.</summary>
public sealed class SharedSession
{
    public ScriptSession Session { get; } = new();
}
