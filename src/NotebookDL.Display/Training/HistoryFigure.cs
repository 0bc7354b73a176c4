namespace NotebookDL.Display;

/// <summary>Turns a <see cref="HistoryChart"/> into panels: training solid, validation dashed, events as markers.</summary>
internal static class HistoryFigure
{
    private const string TrainColor = "#0072B2", ValidationColor = "#D55E00", BestColor = "#009E73", CheckpointColor = "#CC79A7",
        RateColor = "#E69F00", StopColor = "#4D4D4D";

    /// <summary>Up to this many learning-rate changes are drawn as lines; a schedule that changes more often gets its own panel.</summary>
    private const int MaxRateLines = 3;

    public static Figure Build(HistoryChart history)
    {
        var x = history.Epochs.Select(e => e + 1.0).ToList();
        var ran = x.Count == 0 ? 1 : (int)x.Max();
        // A live chart spans the epochs fit was asked for, so the axis does not rescale every epoch; a run that
        // stopped early (EarlyStopping, an interrupt) spans the epochs it ran.
        var stoppedEarly = history.StoppedEpoch is not null || history.Message is not null;
        var xRange = new AxisRange(0.5, (stoppedEarly ? ran : Math.Max(history.PlannedEpochs ?? ran, ran)) + 0.5);
        var kind = x.Count <= 40 ? SeriesKind.LineWithMarkers : SeriesKind.Line;
        var rateChanges = history.LearningRateChanges;
        var best = history.BestEpoch;
        var monitorPanel = history.MonitorName.StartsWith("val_", StringComparison.Ordinal) ? history.MonitorName[4..] : history.MonitorName;

        var common = new List<VerticalMarker>();
        if (best is { } b) common.Add(new VerticalMarker(b + 1, $"best epoch ({b + 1})", BestColor, "2 3"));
        if (rateChanges.Count <= MaxRateLines)
            common.AddRange(rateChanges.Select(c => new VerticalMarker(c.index + 0.5, $"lr \u2192 {Numbers.Compact(c.rate)}", RateColor, "6 3")));
        if (history.StoppedEpoch is { } stop)
            common.Add(new VerticalMarker(stop + 1, history.Message is null ? $"early stop ({stop + 1})" : $"stopped ({stop + 1})", StopColor, null));

        var charts = new List<Chart>();
        foreach (var panel in history.Panels)
        {
            var series = new List<Series>();
            if (Column(history, panel) is { } train) series.Add(new Series("training", x, train, kind) { Color = TrainColor, MarkerRadius = 3 });
            if (Column(history, "val_" + panel) is { } val) series.Add(new Series("validation", x, val, kind) { Color = ValidationColor, Dash = "6 4", MarkerRadius = 3 });
            var points = new List<PointMarker>();
            if (panel == monitorPanel && Column(history, history.MonitorName) is { } monitored)
            {
                foreach (var epoch in history.Checkpoints)
                    if (IndexOf(history, epoch) is { } i) points.Add(new PointMarker(epoch + 1, monitored[i], "checkpoint saved", CheckpointColor, MarkerShape.Diamond));
                if (best is { } be && IndexOf(history, be) is { } bi) points.Add(new PointMarker(be + 1, monitored[bi], $"best {history.MonitorName} {Numbers.Significant(monitored[bi])}", BestColor, MarkerShape.Star));
            }
            charts.Add(new Chart(series, panel, "epoch")
            {
                XRange = xRange,
                IntegerX = true,
                VerticalMarkers = common,
                PointMarkers = points,
            });
        }
        if (rateChanges.Count > MaxRateLines)
            charts.Add(new Chart([new Series("learning rate", x, history.LearningRates, kind) { Color = RateColor }], "learning rate", "epoch") { XRange = xRange, IntegerX = true });

        var title = history.PlannedEpochs is { } planned && history.StoppedEpoch is null && x.Count < planned
            ? $"Training: epoch {x.Count}/{planned}"
            : history.Title ?? "Training history";
        return new Figure(charts, title) { Columns = Math.Min(2, charts.Count), SharedLegend = true, PanelHeight = 260 };
    }

    private static IReadOnlyList<double>? Column(HistoryChart history, string name) => history.Metrics.FirstOrDefault(m => m.Name == name)?.Values;

    private static int? IndexOf(HistoryChart history, int epoch)
    {
        for (int i = 0; i < history.Epochs.Count; i++)
            if (history.Epochs[i] == epoch) return i;
        return null;
    }
}
