namespace NotebookDL.TorchSharp.Display.Tests;

public class TrainingDisplayTests
{
    /// <summary>Two separable blobs and a compiled TorchSharp classifier for them.</summary>
    private static (Tensor x, Tensor y, torch.nn.Module<Tensor, Tensor> model) Problem()
    {
        var (model, _) = Twins.Classifier();
        torch.manual_seed(5);
        var y = torch.arange(64) % 2;
        var x = torch.randn(64, 2) + (y.unsqueeze(1).to(torch.ScalarType.Float32) * 4 - 2);
        model.compile(torch.nn.CrossEntropyLoss(), torch.optim.Adam(model.parameters(), lr: 0.05), metrics: ["accuracy"]);
        return (x, y, model);
    }

    [Fact]
    public void LiveTrainingPlot_TorchSharpFit_RedrawsOneDisplayAndEndsWithPng()
    {
        var (x, y, model) = Problem();
        var host = new NotebookDL.Display.Tests.RecordingDisplayHost();
        var live = new LiveTrainingPlot(min_interval: 0);

        History history;
        using (DisplayHost.Use(host)) history = model.fit(x, y, epochs: 3, batch_size: 16, verbose: 0, validation_split: 0.25, callbacks: [live]);

        var events = host.Events;
        Assert.Equal("display", events[0].Kind);
        Assert.All(events.Skip(1), e => Assert.Equal(("update", events[0].DisplayId), (e.Kind, e.DisplayId)));
        Assert.Equal(5, live.Redraws); // train begin, three epochs, train end
        Assert.False(events[^2].Bundle!.ContainsKey("image/png")); // redraws during training are SVG only
        Assert.Contains("image/png", events[^1].Bundle!.Keys);
        Assert.Contains("<svg", events[^1].Bundle!["image/svg+xml"]);
        Assert.Equal(history["loss"], HistoryChart.From(history).Metrics.Single(m => m.Name == "loss").Values);
    }

    [Fact]
    public void ToMimeBundle_TorchSharpHistory_SameChartAsManagedEngineForTheSameValues()
    {
        var (x, y, model) = Problem();
        var history = model.fit(x, y, epochs: 2, batch_size: 16, verbose: 0, validation_split: 0.25);
        var chart = HistoryChart.From(history);
        var managedChart = new MD.HistoryChart(chart.Epochs, chart.Metrics.Select(m => new MD.MetricColumn(m.Name, m.Values)).ToList(),
            chart.LearningRates, chart.Checkpoints, chart.StoppedEpoch, chart.Message);

        var bundle = Formatter.ToMimeBundle(history);

        Assert.Equal(managedChart.ToString(), bundle.Text);
        Assert.Equal(managedChart.ToMimeBundle()["image/svg+xml"], bundle["image/svg+xml"]);
        Assert.Contains("image/png", bundle.Keys);
        Assert.Equal(["loss", "accuracy", "val_loss", "val_accuracy"], chart.Metrics.Select(m => m.Name));
        Assert.Equal([0, 1], chart.Epochs);
    }

    [Fact]
    public void PlotConfusionMatrix_TorchSharpPredictions_SameAsManagedEngine()
    {
        var (targets, managedTargets) = Twins.Longs(0, 1, 2, 2, 1, 0, 2, 1);
        var (predictions, managedPredictions) = Twins.Longs(0, 2, 2, 2, 1, 0, 1, 1);
        string[] names = ["cat", "dog", "bird"];

        var onTorchSharp = plot_confusion_matrix(targets, predictions, names);
        var onManaged = MD.Notebook.plot_confusion_matrix(managedTargets, managedPredictions, names);

        Assert.Equal(onManaged.ToString(), onTorchSharp.ToString());
        Assert.Equal(onManaged.ToMimeBundle()["image/svg+xml"], onTorchSharp.ToMimeBundle()["image/svg+xml"]);
        Assert.Contains("image/png", onTorchSharp.ToMimeBundle().Keys);
        Assert.Contains("3 classes, 8 samples, 6 right (accuracy 75.0%)", Formatter.ToMimeBundle(metrics.confusion_matrix(targets, predictions, class_names: names)).Text);
    }

    [Fact]
    public void PlotConfusionMatrix_TorchSharpScores_TakesTheArgmax()
    {
        var (targets, _) = Twins.Longs(0, 1, 1);
        var (scores, _) = Twins.Floats([2, 1, 0.5f, 3, 4, -1], 3, 2);

        var cm = plot_confusion_matrix(targets, scores);

        Assert.Equal([[1L, 0L], [1L, 1L]], cm.Counts.Select(row => row.ToArray()));
    }
}
