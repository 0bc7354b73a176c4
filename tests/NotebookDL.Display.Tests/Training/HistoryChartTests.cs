using NotebookDL.Display;
using NotebookDL.Training;
using static NotebookDL.torch;

namespace NotebookDL.Display.Tests.Training;

public class HistoryChartTests
{
    [Fact]
    public void HistoryChart_FixedHistory_MatchesGoldenTextAndSvg()
    {
        var bundle = Fixtures.History().ToMimeBundle();

        Golden.Verify("history.txt", bundle.Text);
        Golden.Verify("history.svg", bundle[MimeBundle.Svg]);
    }

    [Fact]
    public void HistoryChart_FixedHistory_MarksBestEpochCheckpointsRateChangeAndEarlyStop()
    {
        var chart = Fixtures.History();
        var doc = SvgAssert.WellFormed(chart.ToMimeBundle()[MimeBundle.Svg]);
        var texts = SvgAssert.Texts(doc).ToList();

        Assert.Equal(4, chart.BestEpoch);
        Assert.Equal(["loss", "accuracy"], chart.Panels);
        Assert.Contains("best epoch (5)", texts);
        Assert.Contains("checkpoint saved", texts);
        Assert.Contains("lr \u2192 1e-4", texts);
        Assert.Contains("early stop (8)", texts);
        Assert.Contains("training", texts);
        Assert.Contains("validation", texts);
    }

    [Fact]
    public void HistoryChart_AccuracyMonitor_BestIsHighest()
    {
        var chart = Fixtures.History() with { Monitor = "val_accuracy" };

        Assert.Equal(6, chart.BestEpoch);
    }

    [Fact]
    public void HistoryChart_FrequentRateChanges_GetTheirOwnPanel()
    {
        var chart = Fixtures.History() with { LearningRates = [1, 0.5, 0.25, 0.125, 0.06, 0.03, 0.015, 0.007] };

        var figure = chart.ToFigure();

        Assert.Equal(3, figure.Panels.Count);
        Assert.Equal("learning rate", figure.Panels[^1].Title);
    }

    [Fact]
    public void HistoryChart_NoEpochsYet_RendersEmptyPanels()
    {
        var chart = new HistoryChart([], [], [], [], null) { PlannedEpochs = 5 };

        var bundle = chart.ToMimeBundle();

        SvgAssert.WellFormed(bundle[MimeBundle.Svg]);
        Assert.Contains("(no epochs yet)", bundle.Text);
    }

    private static (nn.Module<Tensor, Tensor> model, Tensor x, Tensor y) Blobs()
    {
        manual_seed(3);
        var g = new Generator(7);
        var y = randint(0, 2, [64], generator: g);
        var x = randn([64, 2], generator: g) * 0.5 + (y.to(ScalarType.Float32).unsqueeze(1) * 4.0 - 2.0);
        var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2));
        model.compile(loss: nn.CrossEntropyLoss(), optimizer: optim.Adam(model.parameters(), lr: 0.05), metrics: ["accuracy"]);
        return (model, x, y);
    }

    [Fact]
    public void LiveTrainingPlot_FiveEpochFit_OneDisplayReceivesFiveUpdates()
    {
        var (model, x, y) = Blobs();
        var host = new RecordingDisplayHost();
        using var _ = DisplayHost.Use(host);

        var history = model.fit(x, y, epochs: 5, batch_size: 16, verbose: 0, validation_split: 0.25, callbacks: [new LiveTrainingPlot(epochs: 5, min_interval: 0)]);

        var events = host.Events;
        Assert.Single(events, e => e.Kind == "display");
        Assert.Equal(5, events.Count(e => e.Kind == "update"));
        Assert.Single(events.Select(e => e.DisplayId).Distinct());
        Assert.Equal("display", events[0].Kind);
        var lastSvg = events[^1].Bundle![MimeBundle.Svg];
        SvgAssert.WellFormed(lastSvg);
        Assert.Contains("Training history", lastSvg);
        Assert.Contains("Training: epoch 1/5", events[1].Bundle![MimeBundle.Svg]);
        Assert.Equal(HistoryChart.From(history).ToMimeBundle().Text, events[^1].Bundle!.Text);
    }

    [Fact]
    public void LiveTrainingPlot_EarlyStoppingListedAfterIt_FinalUpdateShowsTheStop()
    {
        var (model, x, y) = Blobs();
        var host = new RecordingDisplayHost();
        using var _ = DisplayHost.Use(host);

        var history = model.fit(x, y, epochs: 30, batch_size: 16, verbose: 0, validation_split: 0.25,
            callbacks: [new LiveTrainingPlot(epochs: 30, min_interval: 0), new EarlyStopping(monitor: "loss", min_delta: 10, patience: 1)]);

        Assert.NotNull(history.stopped_epoch);
        var updates = host.Events.Where(e => e.Kind == "update").ToList();
        Assert.Equal(history.epoch.Count + 1, updates.Count);
        Assert.Contains("early stop at epoch", updates[^1].Bundle!.Text);
    }

    [Fact]
    public void LiveTrainingPlot_ThrottledLongFit_DrawsOnceAtTheStartAndTheFinishedChartAtTheEnd()
    {
        var (model, x, y) = Blobs();
        var host = new RecordingDisplayHost();
        using var _ = DisplayHost.Use(host);
        var plot = new LiveTrainingPlot(min_interval: 3600);

        var history = model.fit(x, y, epochs: 200, batch_size: 64, verbose: 0, callbacks: [plot]);

        Assert.Equal(2, plot.Redraws);
        Assert.Equal(["display", "update"], host.Events.Select(e => e.Kind));
        Assert.Equal(HistoryChart.From(history).ToMimeBundle().Text, host.Events[^1].Bundle!.Text);
    }

    [Fact]
    public void Display_History_IsTheFinalChart()
    {
        var (model, x, y) = Blobs();
        var history = model.fit(x, y, epochs: 2, verbose: 0);

        var bundle = NotebookDL.Display.Formatter.ToMimeBundle(history);

        SvgAssert.WellFormed(bundle[MimeBundle.Svg]);
        Assert.StartsWith("Training history", bundle.Text);
    }
}

public class HistoryTextTests
{
    [Fact]
    public void HistoryText_LongRun_ShowsFirstAndLastEpochsOnly()
    {
        var losses = Enumerable.Range(0, 1000).Select(i => 1.0 / (i + 1)).ToList();
        var chart = new HistoryChart([.. Enumerable.Range(0, 1000)], [new MetricColumn("loss", losses)], [], [], null);

        var lines = chart.ToMimeBundle().Text.Split('\n');

        // title, header, epochs 1-5, the gap, epochs 996-1000, the best epoch
        Assert.Equal(1 + 1 + 5 + 1 + 5 + 1, lines.Length);
        Assert.Equal("    …  (990 more epochs)", lines[7]);
        Assert.Equal(" 1000  0.0010", lines[^2]);
        Assert.Equal("best epoch: 1000 (loss 0.0010)", lines[^1]);
    }
}
