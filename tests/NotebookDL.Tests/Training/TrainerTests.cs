using NotebookDL;
using NotebookDL.Training;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Training;

[Collection(NotebookDL.Tests.NN.SeededCollection.Name)]
public class TrainerTests
{
    private static (nn.Module<Tensor, Tensor> model, Tensor x, Tensor y) Compiled(string optimizer = "adam")
    {
        var model = TrainingFixtures.SmallClassifier();
        model.compile(loss: nn.CrossEntropyLoss(), optimizer: optimizer == "adam" ? optim.Adam(model.parameters(), lr: 0.05) : optimizer, metrics: ["accuracy"]);
        var (x, y) = TrainingFixtures.TwoBlobs();
        return (model, x, y);
    }

    [Fact]
    public void Fit_SeparableBlobs_LossFallsAndAccuracyReachesOne()
    {
        var (model, x, y) = Compiled();

        var history = model.fit(x, y, epochs: 10, batch_size: 16, verbose: 0);

        Assert.Equal(10, history["loss"].Count);
        Assert.True(history["loss"][^1] < history["loss"][0] / 5, $"loss {history["loss"][0]} → {history["loss"][^1]}");
        Assert.Equal(1.0, history["accuracy"][^1]);
        Assert.Equal(0.05, history.learning_rate[0], 12);
        Assert.Equal(10, history.epoch_seconds.Count);
    }

    [Fact]
    public void Fit_SameSeedTwice_GivesBitIdenticalHistory()
    {
        List<double> Run()
        {
            var (model, x, y) = Compiled();
            manual_seed(11);
            return [.. model.fit(x, y, epochs: 3, batch_size: 10, verbose: 0)["loss"]];
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Fit_ValidationSplit_HoldsOutLastFractionAndLogsValMetrics()
    {
        var (model, x, y) = Compiled();
        var output = new StringWriter();
        model.trainer().output = output;

        var history = model.fit(x, y, epochs: 2, batch_size: 32, validation_split: 0.25, verbose: 2);

        Assert.Contains("val_loss", history.Keys);
        Assert.Contains("val_accuracy", history.Keys);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Epoch 1/2", lines[0]);
        // 96 training samples in batches of 32 → 3 steps
        Assert.Matches(@"^3/3 - \d+m?s \d+ms/step - loss: \d\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4}$", lines[1].TrimEnd('\r'));
    }

    [Fact]
    public void Fit_Verbose1_DrawsProgressBarWithEta()
    {
        var (model, x, y) = Compiled();
        var output = new StringWriter();
        model.trainer().output = output;

        model.fit(x, y, epochs: 1, batch_size: 16, verbose: 1);

        Assert.Contains("8/8 [==============================] - ", output.ToString());
    }

    [Fact]
    public void ProgressBar_ShorterRedraw_OverwritesTheWholeLongerLine()
    {
        var (model, _, _) = Compiled();
        var output = new StringWriter();
        model.trainer().output = output;
        var logger = new ProgressLogger(1, 1, 3) { trainer = model.trainer() };

        logger.on_epoch_begin(0, new Logs());
        logger.on_train_batch_end(0, new Logs { ["loss"] = 0.123456, ["accuracy"] = 0.938420 });
        Thread.Sleep(120); // the bar redraws at most ten times a second
        logger.on_train_batch_end(1, new Logs { ["loss"] = 0.0 });

        // what a terminal shows after the carriage return: the second drawing fully covers the first
        var segments = output.ToString().Split('\r');
        Assert.True(segments[^1].Length >= segments[^2].Length, $"'{segments[^1]}' is shorter than '{segments[^2]}'");
        Assert.EndsWith(" ", segments[^1]);
    }

    [Fact]
    public void Evaluate_AfterFit_ReturnsLossThenAccuracyAndRestoresTrainMode()
    {
        var (model, x, y) = Compiled();
        model.fit(x, y, epochs: 5, verbose: 0);
        model.train();

        var score = model.evaluate(x, y, verbose: 0);

        Assert.Equal(score.loss, score[0]);
        Assert.Equal(score["accuracy"], score[1]);
        Assert.True(model.training);
    }

    [Fact]
    public void Predict_DropoutModel_IsDeterministicEvalMode()
    {
        manual_seed(2);
        var model = nn.Sequential(nn.Linear(2, 16), nn.Dropout(0.5), nn.Linear(16, 2));
        var x = randn(40, 2);

        var first = model.predict(x, batch_size: 7);
        var second = model.predict(x, batch_size: 40);

        Assert.Equal([40L, 2], first.shape);
        Assert.True(first.allclose(second, 1e-6, 1e-6));
        Assert.False(first.requires_grad);
    }

    [Fact]
    public void Fit_NanLoss_StopsWithEpochBatchAndAdvice()
    {
        var (model, x, y) = Compiled("sgd");
        var poisoned = x.clone();
        poisoned[20] = tensor(new float[] { float.NaN, 0 });

        var error = Assert.Throws<NonFiniteLossException>(() => model.fit(poisoned, y, epochs: 1, batch_size: 16, shuffle: false, verbose: 0));

        Assert.Contains("epoch 1, batch 2", error.Message);
        Assert.Contains("lower learning rate", error.Message);
    }

    [Fact]
    public void Fit_NanLossWithTerminateOnNaN_EndsQuietly()
    {
        var (model, x, y) = Compiled("sgd");
        var poisoned = x.clone();
        poisoned[0] = tensor(new float[] { float.NaN, 0 });
        var output = new StringWriter();
        model.trainer().output = output;

        var history = model.fit(poisoned, y, epochs: 3, batch_size: 16, shuffle: false, verbose: 0, callbacks: [new TerminateOnNaN()]);

        Assert.Single(history["loss"]);
        Assert.Contains("Batch 0: Invalid loss, terminating training", output.ToString());
    }

    [Fact]
    public void Fit_Cancelled_StopsBetweenBatchesKeepsWeightsAndSaysWhere()
    {
        var (model, x, y) = Compiled();
        using var cancellation = new CancellationTokenSource();
        var output = new StringWriter();
        model.trainer().output = output;
        var stopAfterThree = new CancelAfter(cancellation, epoch: 1, batch: 2);

        var history = model.fit(x, y, epochs: 5, batch_size: 16, verbose: 0, callbacks: [stopAfterThree], cancellationToken: cancellation.Token);

        Assert.Equal(1, history.stopped_epoch);
        Assert.Contains("epoch 2/5, batch 4/8", history.message);
        Assert.Contains("keeps the weights", output.ToString());
        Assert.Equal(2, history["loss"].Count);
    }

    private sealed class CancelAfter(CancellationTokenSource source, int epoch, int batch) : Callback
    {
        private int currentEpoch;

        public override void on_epoch_begin(int e, Logs logs) => currentEpoch = e;

        public override void on_train_batch_end(int b, Logs logs)
        {
            if (currentEpoch == epoch && b == batch) source.Cancel();
        }
    }

    [Fact]
    public void Fit_UncompiledModel_SaysToCompile()
    {
        var model = TrainingFixtures.SmallClassifier();
        var (x, y) = TrainingFixtures.TwoBlobs();

        var error = Assert.Throws<InvalidOperationException>(() => model.fit(x, y));

        Assert.Contains("compile", error.Message);
    }

    [Fact]
    public void Compile_KerasNames_CategoricalCrossentropyOnSoftmaxOutput()
    {
        manual_seed(4);
        var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2), nn.Softmax(1));
        model.compile(loss: "categorical_crossentropy", optimizer: "rmsprop", metrics: ["accuracy"]);
        var (x, y) = TrainingFixtures.TwoBlobs();
        var oneHot = nn.functional.one_hot(y, 2).to(ScalarType.Float32);

        var history = model.fit(x, oneHot, epochs: 15, batch_size: 16, verbose: 0);

        Assert.True(history["accuracy"][^1] > 0.95, $"accuracy {history["accuracy"][^1]}");
    }

    [Fact]
    public void Fit_KernelRegularizer_AddsPenaltyToLoss()
    {
        manual_seed(5);
        var layer = nn.Linear(2, 2).kernel_regularizer(regularizers.l2(0.5));
        var model = nn.Sequential(layer);
        model.compile(loss: nn.CrossEntropyLoss(), optimizer: optim.SGD(model.parameters(), 0.0));
        var (x, y) = TrainingFixtures.TwoBlobs(32);
        var plain = nn.functional.cross_entropy(model.call(x), y).item<float>();
        var penalty = 0.5 * layer.weight!.pow(2).sum().item<float>();

        var loss = model.evaluate(x, y, batch_size: 32, verbose: 0).loss;

        Assert.Equal(plain + penalty, loss, 1e-5);
    }
}
