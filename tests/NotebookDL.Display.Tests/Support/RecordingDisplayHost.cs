using NotebookDL.Display;

namespace NotebookDL.Display.Tests;

/// <summary>Records every display call in order, as a notebook front end would receive them.</summary>
internal sealed class RecordingDisplayHost : IDisplayHost
{
    public sealed record Event(string Kind, string DisplayId, MimeBundle? Bundle);

    private readonly List<Event> events = [];

    public IReadOnlyList<Event> Events
    {
        get
        {
            lock (events) return events.ToList();
        }
    }

    public void Display(string displayId, MimeBundle bundle) => Add(new("display", displayId, bundle));

    public void Update(string displayId, MimeBundle bundle) => Add(new("update", displayId, bundle));

    public void Clear(string displayId) => Add(new("clear", displayId, null));

    private void Add(Event e)
    {
        lock (events) events.Add(e);
    }
}
