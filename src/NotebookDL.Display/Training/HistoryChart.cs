using NotebookDL.Training;

namespace NotebookDL.Display;

/// <summary>
/// Learning curves of a fit: one panel per metric (loss, accuracy, ...) with training and validation per
/// epoch, the best epoch starred, saved checkpoints, learning-rate changes and the early stop marked.
/// What a History displays as, and what <see cref="LiveTrainingPlot"/> redraws after every epoch.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource<HistoryChart>), PreferredMimeTypes = [MimeBundle.Svg, MimeBundle.PlainText])]
public sealed record HistoryChart(IReadOnlyList<int> Epochs, IReadOnlyList<MetricColumn> Metrics, IReadOnlyList<double> LearningRates,
    IReadOnlyList<int> Checkpoints, int? StoppedEpoch, string? Message = null) : IDisplayable
{
    /// <summary>The metric whose best epoch is marked; by default val_loss when there is validation, else loss.</summary>
    public string? Monitor { get; init; }

    /// <summary>The number of epochs fit was asked for, so a live chart's x axis does not rescale every epoch.</summary>
    public int? PlannedEpochs { get; init; }

    public string? Title { get; init; }

    public static HistoryChart From(History history, int? plannedEpochs = null) =>
        new([.. history.epoch], history.Keys.Select(k => new MetricColumn(k, [.. history[k]])).ToList(), [.. history.learning_rate],
            [.. history.checkpoints], history.stopped_epoch, history.message) { PlannedEpochs = plannedEpochs };

    public string MonitorName => Monitor ?? (Metrics.Any(m => m.Name == "val_loss") ? "val_loss" : "loss");

    /// <summary>The 0-based epoch with the best monitored value (lowest, or highest for accuracy-like metrics).</summary>
    public int? BestEpoch
    {
        get
        {
            var column = Metrics.FirstOrDefault(m => m.Name == MonitorName);
            if (column is null || column.Values.Count == 0) return null;
            var higherIsBetter = HigherIsBetter(MonitorName);
            var best = -1;
            for (int i = 0; i < column.Values.Count; i++)
                if (double.IsFinite(column.Values[i]) && (best < 0 || (higherIsBetter ? column.Values[i] > column.Values[best] : column.Values[i] < column.Values[best]))) best = i;
            return best < 0 ? null : Epochs[best];
        }
    }

    public static bool HigherIsBetter(string metric)
    {
        var m = metric.StartsWith("val_", StringComparison.Ordinal) ? metric[4..] : metric;
        return m.Contains("acc", StringComparison.OrdinalIgnoreCase) || m is "auc" or "precision" or "recall" or "f1" or "f1_score";
    }

    /// <summary>Metric names without the val_ prefix, in the order they first appear: one panel each.</summary>
    public IReadOnlyList<string> Panels =>
        Metrics.Select(m => m.Name.StartsWith("val_", StringComparison.Ordinal) ? m.Name[4..] : m.Name).Distinct().DefaultIfEmpty("loss").ToList();

    /// <summary>(epoch index, new rate) for every epoch whose learning rate differs from the one before.</summary>
    public IReadOnlyList<(int index, double rate)> LearningRateChanges =>
        Enumerable.Range(1, Math.Max(0, LearningRates.Count - 1)).Where(i => LearningRates[i] != LearningRates[i - 1]).Select(i => (i, LearningRates[i])).ToList();

    public MimeBundle ToMimeBundle() => ToMimeBundle(withPng: true);

    /// <summary>The chart's bundle; live redraws leave the PNG out (it costs more than the SVG) and send it with the finished chart.</summary>
    public MimeBundle ToMimeBundle(bool withPng) => MimeBundle.Picture(HistoryText.Render(this), ToFigure().ToSvg(), withPng);

    public Figure ToFigure() => HistoryFigure.Build(this);

    public override string ToString() => HistoryText.Render(this);
}
