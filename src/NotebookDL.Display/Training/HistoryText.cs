using System.Text;

namespace NotebookDL.Display;

/// <summary>
/// The text/plain history: one row per epoch (as Keras' pd.DataFrame(history.history) prints), then the events.
/// Long runs show their first and last epochs only, as pandas does, so a 1,000-epoch chart's text stays short.
/// </summary>
internal static class HistoryText
{
    private const int EdgeRows = 5;

    public static string Render(HistoryChart history)
    {
        var headers = new List<string> { "epoch" };
        headers.AddRange(history.Metrics.Select(m => m.Name));
        if (history.LearningRates.Count > 0) headers.Add("lr");
        var rows = new List<List<string>>();
        for (int i = 0; i < history.Epochs.Count; i++)
        {
            var row = new List<string> { Numbers.Int(history.Epochs[i] + 1) };
            row.AddRange(history.Metrics.Select(m => i < m.Values.Count ? Numbers.Fixed(m.Values[i], 4) : ""));
            if (history.LearningRates.Count > 0) row.Add(i < history.LearningRates.Count ? Numbers.Compact(history.LearningRates[i]) : "");
            rows.Add(row);
        }
        var widths = headers.Select((h, c) => Math.Max(h.Length, rows.Select(r => r[c].Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder(history.Title ?? "Training history").Append('\n');
        if (rows.Count == 0) text.Append("(no epochs yet)\n");
        else
        {
            text.Append(string.Join("  ", headers.Select((h, c) => h.PadLeft(widths[c])))).Append('\n');
            var elide = rows.Count > 2 * EdgeRows + 2;
            for (int i = 0; i < rows.Count; i++)
            {
                if (elide && i == EdgeRows)
                {
                    text.Append("…".PadLeft(widths[0])).Append($"  ({rows.Count - 2 * EdgeRows} more epochs)\n");
                    i = rows.Count - EdgeRows;
                }
                text.Append(string.Join("  ", rows[i].Select((v, c) => v.PadLeft(widths[c])))).Append('\n');
            }
        }
        if (history.BestEpoch is { } best)
        {
            var column = history.Metrics.First(m => m.Name == history.MonitorName);
            text.Append($"best epoch: {best + 1} ({history.MonitorName} {Numbers.Fixed(column.Values[history.Epochs.ToList().IndexOf(best)], 4)})\n");
        }
        if (history.Checkpoints.Count > 0) text.Append($"checkpoints saved after epochs: {string.Join(", ", history.Checkpoints.Select(e => e + 1))}\n");
        foreach (var (index, rate) in history.LearningRateChanges)
            text.Append($"learning rate changed to {Numbers.Compact(rate)} at epoch {history.Epochs[index] + 1}\n");
        if (history.StoppedEpoch is { } stop) text.Append($"{(history.Message is null ? "early stop" : "stopped")} at epoch {stop + 1}\n");
        if (history.Message is not null) text.Append(history.Message).Append('\n');
        return text.ToString().TrimEnd('\n');
    }
}
