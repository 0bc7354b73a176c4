using NotebookDL.Training;

namespace NotebookDL.Display;

/// <summary>
/// Live learning curves during fit: shows ONE display when training begins and redraws it in place as epochs
/// end, through the display handle, instead of printing a new chart per epoch. Redraws are throttled to one per
/// <paramref name="min_interval"/> seconds (default 0.25), so a 3,000-epoch run on a tiny model costs a few dozen
/// redraws instead of 3,000; the finished chart is always drawn at the end. Pass the number of epochs to fix the
/// x axis yourself; otherwise it spans the epochs fit was asked to run. Redraws during training send SVG and text
/// only; the finished chart, which the saved notebook keeps, also carries the PNG copy (drawing it costs more than
/// a small model's epoch).
/// </summary>
public sealed class LiveTrainingPlot(int? epochs = null, string? monitor = null, double min_interval = 0.25) : Callback
{
    private readonly System.Diagnostics.Stopwatch sinceRedraw = new();

    /// <summary>How many times the chart was drawn (the first display included).</summary>
    public int Redraws { get; private set; }

    /// <summary>The display being updated; null before training begins.</summary>
    public DisplayHandle? Handle { get; private set; }

    public override void on_train_begin(Logs logs) => Refresh(Render(Trainer.history, withPng: false));

    public override void on_epoch_end(int epoch, Logs logs)
    {
        if (sinceRedraw.Elapsed.TotalSeconds >= min_interval) Refresh(Render(Trainer.history, withPng: false));
    }

    /// <summary>Always draws the finished chart: it is the one with the PNG copy, and with any epochs the throttle skipped.</summary>
    public override void on_train_end(Logs logs) => Refresh(Render(Trainer.history, withPng: true));

    private void Refresh(MimeBundle bundle)
    {
        Redraws++;
        if (Handle is null) Handle = Notebook.display(bundle);
        else Handle.Update(bundle);
        sinceRedraw.Restart();
    }

    private MimeBundle Render(History history, bool withPng) =>
        (HistoryChart.From(history, epochs ?? trainer?.epochs) with { Monitor = monitor }).ToMimeBundle(withPng);
}
