namespace NotebookDL.TorchSharp.Training.Tests;

/// <summary>The shared Keras-style training layer, compiled against TorchSharp, on a real TorchSharp model.</summary>
public class TrainerTests
{
    [Fact]
    public void Fit_TwoBlobsWithValidationSplit_LossFallsAndAccuracyPassesNinetyPercent()
    {
        var (x, y, model) = TwoBlobs.DataAndCompiledModel();

        var history = model.fit(x, y, epochs: 15, batch_size: 32, validation_split: 0.2, verbose: 0);

        Assert.Equal(Enumerable.Range(0, 15), history.epoch);
        Assert.True(history["loss"][^1] < history["loss"][0] / 2, $"loss {history["loss"][0]:F4} -> {history["loss"][^1]:F4}");
        Assert.True(history["accuracy"][^1] > 0.9, $"accuracy {history["accuracy"][^1]:F4}");
        Assert.True(history["val_accuracy"][^1] > 0.9, $"val_accuracy {history["val_accuracy"][^1]:F4}");
        Assert.True(history["val_loss"][^1] < history["val_loss"][0], $"val_loss {history["val_loss"][0]:F4} -> {history["val_loss"][^1]:F4}");
    }

    [Fact]
    public void Fit_TorchSharpsOwnDataLoader_TrainsAndEvaluatesFromItsBatches()
    {
        var (x, y, model) = TwoBlobs.DataAndCompiledModel();
        // TorchSharp's TensorDataset yields (input, target) lists; fit and evaluate take them as they are.
        using var train = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), 32, shuffle: true, seed: 3, disposeDataset: false);

        var history = model.fit(train, epochs: 10, verbose: 0);
        var result = model.evaluate(train, verbose: 0);

        Assert.Equal(10, history.epoch.Count);
        Assert.True(history["accuracy"][^1] > 0.9, $"accuracy {history["accuracy"][^1]:F4}");
        Assert.True(result["accuracy"] > 0.9, $"evaluate accuracy {result["accuracy"]:F4}");
    }

    [Fact]
    public void Evaluate_AfterFit_EqualsLossAndAccuracyComputedWithTorchSharp()
    {
        var (x, y, model) = TwoBlobs.DataAndCompiledModel();
        model.fit(x, y, epochs: 5, batch_size: 32, verbose: 0);

        var result = model.evaluate(x, y, batch_size: 32, verbose: 0);

        model.eval();
        using var _ = torch.no_grad();
        var logits = model.call(x);
        var loss = torch.nn.functional.cross_entropy(logits, y).item<float>();
        var accuracy = logits.argmax(1).eq(y).to(torch.float64).mean().item<double>();
        Assert.Equal(loss, result.loss, 1e-5);
        Assert.Equal(accuracy, result["accuracy"], 12);
        Assert.True(accuracy > 0.9, $"accuracy {accuracy:F4}");
        Assert.Equal(["loss", "accuracy"], result.values.Keys);
    }

    [Fact]
    public void Predict_BatchesOfSeven_EqualsOneCallInEvalModeWithoutGradients()
    {
        var (x, _) = TwoBlobs.Make(n: 50);
        var model = TwoBlobs.Classifier();
        model.train();

        var predicted = model.predict(x, batch_size: 7);

        Assert.True(model.training, "predict must put back the training mode it found");
        Assert.False(predicted.requires_grad);
        model.eval();
        using var _ = torch.no_grad();
        var expected = model.call(x);
        Assert.Equal(expected.shape, predicted.shape);
        Assert.True(torch.allclose(predicted, expected, rtol: 0, atol: 1e-6), $"max |difference| {(predicted - expected).abs().max().item<float>()}");
    }

    [Fact]
    public void Fit_ShuffledBatchesFromTensors_LearnsFromEverySampleEachEpoch()
    {
        var (x, y) = TwoBlobs.Make(n: 90);
        var model = TwoBlobs.Compiled();
        var sizes = new BatchSizes();

        model.fit(x, y, epochs: 2, batch_size: 32, shuffle: true, callbacks: [sizes], verbose: 0);

        Assert.Equal([32.0, 32, 26, 32, 32, 26], sizes.Seen);
    }

    [Fact]
    public void Fit_XAndYOfDifferentLengths_SaysWhichShapes()
    {
        var (x, y) = TwoBlobs.Make(n: 10);
        var model = TwoBlobs.Compiled();

        var error = Assert.Throws<ArgumentException>(() => model.fit(x, y.narrow(0, 0, 9), verbose: 0));

        Assert.Contains("x is [10, 2] and y is [9]", error.Message);
    }

    private sealed class BatchSizes : Callback
    {
        public List<double> Seen { get; } = [];

        public override void on_train_batch_begin(int batch, Logs logs) => Seen.Add(logs["size"]);
    }
}
