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
    public void HistoryChart_InterruptedFit_AxisSpansTheEpochsRun()
    {
        var chart = new HistoryChart([0, 1, 2], [new MetricColumn("loss", [0.9, 0.5, 0.4])], [], [], 2, "Training cancelled at epoch 3/30") { PlannedEpochs = 30 };

        var range = chart.ToFigure().Panels[0].XRange;

        Assert.Equal(new AxisRange(0.5, 3.5), range);
    }

    [Fact]
    public void HistoryChart_LiveFitPartWayThrough_AxisSpansThePlannedEpochs()
    {
        var chart = new HistoryChart([0, 1, 2], [new MetricColumn("loss", [0.9, 0.5, 0.4])], [], [], null) { PlannedEpochs = 30 };

        Assert.Equal(new AxisRange(0.5, 30.5), chart.ToFigure().Panels[0].XRange);
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
    public void LiveTrainingPlot_FiveEpochFit_OneDisplayReceivesFiveRedrawsThenTheFinishedChartWithPng()
    {
        var (model, x, y) = Blobs();
        var host = new RecordingDisplayHost();
        using var _ = DisplayHost.Use(host);

        var history = model.fit(x, y, epochs: 5, batch_size: 16, verbose: 0, validation_split: 0.25, callbacks: [new LiveTrainingPlot(epochs: 5, min_interval: 0)]);

        var events = host.Events;
        Assert.Single(events, e => e.Kind == "display");
        Assert.Equal(6, events.Count(e => e.Kind == "update"));
        Assert.All(events.SkipLast(1), e => Assert.False(e.Bundle!.ContainsKey(MimeBundle.Png), "a live redraw carried a PNG"));
        Assert.True(events[^1].Bundle!.ContainsKey(MimeBundle.Png), "the finished chart has no PNG");
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
    public void HistoryText_LongRun_IsAShortSummaryNotATable()
    {
        var losses = Enumerable.Range(0, 1000).Select(i => 1.0 / (i + 1)).ToList();
        var chart = new HistoryChart([.. Enumerable.Range(0, 1000)], [new MetricColumn("loss", losses)], [], [], null);

        var lines = chart.ToMimeBundle().Text.Split('\n');

        Assert.Equal(["Training history: 1000 epochs", "  loss  1 \u2192 0.001 (min 0.001, max 1)", "best epoch: 1000 (loss 0.001)"], lines);
    }

    [Fact]
    public void HistoryText_TinyLoss_UsesSignificantDigitsNotZeros()
    {
        var chart = new HistoryChart([0, 1], [new MetricColumn("loss", [2.5e-3, 3.21e-7])], [], [], null);

        var text = chart.ToMimeBundle().Text;

        Assert.Contains("loss  0.0025 \u2192 3.21e-7", text);
        Assert.Contains("best epoch: 2 (loss 3.21e-7)", text);
        Assert.DoesNotContain("0.0000", text);
    }

    [Fact]
    public void HistoryText_LiveChartPartWayThrough_SaysHowManyOfThePlannedEpochsRan()
    {
        var chart = new HistoryChart([0, 1, 2], [new MetricColumn("loss", [0.9, 0.5, 0.4])], [], [], null) { PlannedEpochs = 30 };

        Assert.StartsWith("Training history: 3 of 30 epochs\n", chart.ToMimeBundle().Text);
    }
}

public class HistoryAxisTests
{
    [Fact]
    public void HistoryChart_RightPanelEndsAtALongTickLabel_LabelStaysInsideThePicture()
    {
        var epochs = Enumerable.Range(0, 10_000).ToList();
        var values = epochs.Select(e => 1.0 / (e + 1)).ToList();
        var chart = new HistoryChart(epochs, [new MetricColumn("loss", values), new MetricColumn("accuracy", values)], [], [], null);

        var svg = chart.ToFigure().ToSvg();

        var width = SvgAssert.Size(svg).width;
        var last = SvgAssert.WellFormed(svg).Descendants(SvgAssert.Svg + "text").Last(t => t.Value == "10000");
        var right = double.Parse(last.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture) + "10000".Length * ChartRenderer.CharWidth * Theme.FontSize / 2;
        Assert.True(right <= width - 2, $"the last tick label reaches x = {right} in a picture {width} wide");
    }
}
