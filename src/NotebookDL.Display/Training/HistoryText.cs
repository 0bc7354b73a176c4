using System.Text;

namespace NotebookDL.Display;

/// <summary>
/// The text/plain history: a short summary, not a table of epochs. It is what a console, a screen reader and an
/// untrusted notebook show, so it says how far training went, where each metric started and ended (the y ranges
/// of the panels), the best epoch and the events, in a few lines however long the run.
/// </summary>
internal static class HistoryText
{
    public static string Render(HistoryChart history)
    {
        var text = new StringBuilder(history.Title ?? "Training history").Append(": ").Append(Progress(history)).Append('\n');
        if (history.Epochs.Count == 0) return text.ToString().TrimEnd('\n');
        var nameWidth = history.Metrics.Select(m => m.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var metric in history.Metrics)
            text.Append("  ").Append(metric.Name.PadRight(nameWidth)).Append("  ").Append(Span(metric.Values)).Append('\n');
        if (history.BestEpoch is { } best && history.Metrics.FirstOrDefault(m => m.Name == history.MonitorName) is { } monitored)
            text.Append($"best epoch: {best + 1} ({history.MonitorName} {Numbers.Significant(monitored.Values[history.Epochs.ToList().IndexOf(best)])})\n");
        if (history.Checkpoints.Count > 0) text.Append($"checkpoints saved after epochs: {string.Join(", ", history.Checkpoints.Select(e => e + 1))}\n");
        if (history.LearningRates.Count > 0)
        {
            text.Append($"learning rate {Numbers.Compact(history.LearningRates[0])}");
            foreach (var (index, rate) in history.LearningRateChanges) text.Append($", {Numbers.Compact(rate)} from epoch {history.Epochs[index] + 1}");
            text.Append('\n');
        }
        if (history.Message is not null) text.Append(history.Message).Append('\n');
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>"8 epochs, early stop at epoch 8", "3 of 30 epochs" while a live chart waits for the rest.</summary>
    private static string Progress(HistoryChart history)
    {
        var count = history.Epochs.Count;
        if (count == 0) return "(no epochs yet)";
        var epochs = count == 1 ? "1 epoch" : $"{count} epochs";
        if (history.StoppedEpoch is { } stop) return $"{epochs}, {(history.Message is null ? "early stop" : "stopped")} at epoch {stop + 1}";
        return history.PlannedEpochs is { } planned && count < planned ? $"{count} of {planned} epochs" : epochs;
    }

    /// <summary>"1.92 → 0.55 (min 0.55, max 1.92)": first and last value, and the range the panel's y axis spans.</summary>
    private static string Span(IReadOnlyList<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0) return values.Count == 0 ? "no values" : $"no finite values (last {Numbers.Significant(values[^1])})";
        var span = $"{Numbers.Significant(values[0])} \u2192 {Numbers.Significant(values[^1])}";
        return values.Count == 1 ? Numbers.Significant(values[0]) : $"{span} (min {Numbers.Significant(finite.Min())}, max {Numbers.Significant(finite.Max())})";
    }
}
