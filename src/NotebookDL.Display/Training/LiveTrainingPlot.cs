using NotebookDL.Training;

namespace NotebookDL.Display;

/// <summary>
/// Live learning curves during fit: shows ONE display when training begins and redraws it in place after
/// every epoch, through the display handle, instead of printing a new chart per epoch. Pass the number of
/// epochs to fix the x axis yourself; otherwise it spans the epochs fit was asked to run.
/// </summary>
public sealed class LiveTrainingPlot(int? epochs = null, string? monitor = null) : Callback
{
    private MimeBundle? last;

    /// <summary>The display being updated; null before training begins.</summary>
    public DisplayHandle? Handle { get; private set; }

    public override void on_train_begin(Logs logs)
    {
        last = Render(Trainer.history);
        Handle = Notebook.display(last);
    }

    public override void on_epoch_end(int epoch, Logs logs) => Refresh();

    /// <summary>Redraws once more only when something changed after the last epoch (a callback later in the list stopped training).</summary>
    public override void on_train_end(Logs logs)
    {
        var final = Render(Trainer.history);
        if (last is not null && final.Text == last.Text) return;
        Refresh(final);
    }

    private void Refresh(MimeBundle? bundle = null)
    {
        last = bundle ?? Render(Trainer.history);
        if (Handle is null) Handle = Notebook.display(last);
        else Handle.Update(last);
    }

    private MimeBundle Render(History history) =>
        (HistoryChart.From(history, epochs ?? trainer?.epochs) with { Monitor = monitor }).ToMimeBundle();
}
