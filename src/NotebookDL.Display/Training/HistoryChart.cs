using NotebookDL.Training;

namespace NotebookDL.Display;

public sealed record HistoryChart(string Text) : IDisplayable
{
    public static HistoryChart From(History h) => new(h.ToString());

    public MimeBundle ToMimeBundle() => new(Text);
}
