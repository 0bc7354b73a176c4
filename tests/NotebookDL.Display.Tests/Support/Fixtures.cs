using NotebookDL.Display;
using static NotebookDL.torch;

namespace NotebookDL.Display.Tests;

/// <summary>Fixed data for golden renderings: a training history and a confusion matrix that never change.</summary>
internal static class Fixtures
{
    /// <summary>8 epochs: validation loss bottoms out at epoch 5, the rate drops after epoch 6, early stop at 8.</summary>
    public static HistoryChart History() => new(
        Epochs: [0, 1, 2, 3, 4, 5, 6, 7],
        Metrics:
        [
            new MetricColumn("loss", [1.92, 1.41, 1.12, 0.93, 0.80, 0.70, 0.58, 0.55]),
            new MetricColumn("accuracy", [0.31, 0.49, 0.60, 0.67, 0.72, 0.75, 0.80, 0.81]),
            new MetricColumn("val_loss", [1.55, 1.25, 1.08, 0.99, 0.95, 0.97, 0.96, 0.99]),
            new MetricColumn("val_accuracy", [0.44, 0.55, 0.62, 0.66, 0.68, 0.68, 0.70, 0.69]),
        ],
        LearningRates: [1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 1e-4, 1e-4],
        Checkpoints: [0, 1, 2, 3, 4],
        StoppedEpoch: 7);

    public static readonly string[] CifarClasses = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>A 4-class confusion matrix with a typical cat/dog mix-up.</summary>
    public static ConfusionMatrix Confusion() => new(new long[,]
    {
        { 86, 3, 6, 5 },
        { 4, 71, 19, 6 },
        { 2, 24, 68, 6 },
        { 1, 4, 3, 92 },
    }, ["bird", "cat", "dog", "frog"]);
}
