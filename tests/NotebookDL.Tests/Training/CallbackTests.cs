using NotebookDL;
using NotebookDL.Training;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Training;

[Collection(NotebookDL.Tests.NN.SeededCollection.Name)]
public sealed class CallbackTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("notebookdl-callbacks-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static (nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, StringWriter output) Setup(double lr = 0.05)
    {
        var model = TrainingFixtures.SmallClassifier();
        var trainer = model.compile(loss: nn.CrossEntropyLoss(), optimizer: optim.SGD(model.parameters(), lr), metrics: ["accuracy"]);
        var output = new StringWriter();
        trainer.output = output;
        var (x, y) = TrainingFixtures.TwoBlobs();
        return (model, x, y, output);
    }

    /// <summary>Feeds scripted epoch logs to a callback, so monitor logic is tested on exact numbers.</summary>
    private static void Replay(Callback callback, Trainer trainer, params double[] valLosses)
    {
        callback.trainer = trainer;
        callback.on_train_begin(new Logs());
        for (int epoch = 0; epoch < valLosses.Length && !trainer.stop_training; epoch++)
            callback.on_epoch_end(epoch, new Logs { ["loss"] = 1, ["val_loss"] = valLosses[epoch] });
        callback.on_train_end(new Logs());
    }

    [Fact]
    public void ModelCheckpoint_SaveBestOnly_PrintsKerasMessagesAndSavesOnImprovement()
    {
        var (model, _, _, output) = Setup();
        var path = Path.Combine(folder, "best.safetensors");
        var checkpoint = new ModelCheckpoint(path, verbose: 1, save_best_only: true, save_weights_only: true);

        Replay(checkpoint, model.trainer(), 1.24128, 1.03798, 1.1);

        var text = output.ToString();
        Assert.Contains("Epoch 1: val_loss improved from inf to 1.24128, saving model to " + path, text);
        Assert.Contains("Epoch 2: val_loss improved from 1.24128 to 1.03798, saving model to " + path, text);
        Assert.Contains("Epoch 3: val_loss did not improve from 1.03798", text);
        Assert.True(File.Exists(path));
        Assert.Equal([0, 1], model.trainer().history.checkpoints);
    }

    [Fact]
    public void ModelCheckpoint_PathPlaceholders_AreFilledPerEpoch()
    {
        var logs = new Logs { ["val_loss"] = 0.123456 };

        Assert.Equal("w-03-0.12.safetensors", ModelCheckpoint.FormatPath("w-{epoch:02d}-{val_loss:.2f}.safetensors", 2, logs));
    }

    [Fact]
    public void ModelCheckpoint_FullCheckpoint_ResumesModelOptimizerAndHistory()
    {
        var (model, x, y, _) = Setup();
        var path = Path.Combine(folder, "full.safetensors");
        model.fit(x, y, epochs: 2, verbose: 0, callbacks: [new ModelCheckpoint(path, monitor: "loss")]);
        var expected = model.predict(x);

        var (restored, _, _, _) = Setup();
        var (epoch, history) = Checkpoint.load(path, restored.trainer());

        Assert.Equal(2, epoch);
        Assert.Equal(2, history["loss"].Count); // epoch 2 is recorded before callbacks run, so its checkpoint has it
        Assert.True(restored.predict(x).allclose(expected, 0, 0));
        Assert.Equal(model.trainer().optimizer.state_dict().State.Keys.Order(), restored.trainer().optimizer.state_dict().State.Keys.Order());
    }

    [Fact]
    public void CheckpointLoad_ThenFitFromItsEpoch_ContinuesTheHistoryInTheNextCheckpoint()
    {
        var (model, x, y, _) = Setup();
        var path = Path.Combine(folder, "resume.safetensors");
        model.fit(x, y, epochs: 2, verbose: 0, callbacks: [new ModelCheckpoint(path, monitor: "loss")]);

        var (restored, _, _, _) = Setup();
        var (epoch, _) = Checkpoint.load(path, restored.trainer());
        var resumed = restored.fit(x, y, epochs: 4, initial_epoch: epoch, verbose: 0, callbacks: [new ModelCheckpoint(path, monitor: "loss")]);
        var (_, saved) = Checkpoint.load(path, restored.trainer());

        Assert.Equal([0, 1, 2, 3], resumed.epoch);
        Assert.Equal(4, saved["loss"].Count);
        Assert.Equal(resumed["loss"], saved["loss"]);
    }

    [Fact]
    public void Fit_Twice_StartsAFreshHistoryUnlessResuming()
    {
        var (model, x, y, _) = Setup();
        model.fit(x, y, epochs: 2, verbose: 0);

        var again = model.fit(x, y, epochs: 1, verbose: 0);

        Assert.Equal([0], again.epoch);
    }

    [Fact]
    public void SaveWeightsLoadWeights_RoundTrip_IdenticalOutputs()
    {
        var (model, x, y, _) = Setup();
        model.fit(x, y, epochs: 1, verbose: 0);
        var path = Path.Combine(folder, "w.safetensors");
        model.save_weights(path);

        var other = TrainingFixtures.SmallClassifier(seed: 99);
        other.load_weights(path);

        Assert.True(other.predict(x).allclose(model.predict(x), 0, 0));
    }

    [Fact]
    public void LoadWeights_WrongArchitecture_ListsMissingUnexpectedAndMisshaped()
    {
        var (model, _, _, _) = Setup();
        var path = Path.Combine(folder, "w.safetensors");
        model.save_weights(path);
        var other = nn.Sequential(nn.Linear(2, 5), nn.ReLU(), nn.Linear(8, 2), nn.ReLU(), nn.Linear(2, 2));

        var error = Assert.Throws<InvalidOperationException>(() => other.load_weights(path));

        Assert.Contains("size mismatch for 0.weight", error.Message);
        Assert.Contains("\"4.weight\"", error.Message);
    }

    [Fact]
    public void EarlyStopping_Patience2_StopsAfterTwoEpochsWithoutImprovementAndRestoresBest()
    {
        var (model, _, _, output) = Setup();
        var stopper = new EarlyStopping(patience: 2, verbose: 1, restore_best_weights: true);

        Replay(stopper, model.trainer(), 1.0, 0.8, 0.9, 0.85, 0.7);

        Assert.Equal(3, stopper.stopped_epoch);
        Assert.Equal(1, stopper.best_epoch);
        Assert.True(model.trainer().stop_training);
        Assert.Contains("Restoring model weights from the end of the best epoch: 2.", output.ToString());
        Assert.Contains("Epoch 4: early stopping", output.ToString());
    }

    [Fact]
    public void EarlyStopping_MinDeltaAndStartFromEpoch_IgnoresTinyGainsAndWarmup()
    {
        var (model, _, _, _) = Setup();
        var stopper = new EarlyStopping(min_delta: 0.1, patience: 1, start_from_epoch: 2);

        Replay(stopper, model.trainer(), 5.0, 9.0, 1.0, 0.95, 0.5);

        Assert.Equal(3, stopper.stopped_epoch);
    }

    [Fact]
    public void ReduceLROnPlateau_Plateau_MultipliesLearningRateByFactor()
    {
        var (model, _, _, output) = Setup(lr: 0.1);
        var reducer = new ReduceLROnPlateau(factor: 0.5, patience: 2, verbose: 1, min_lr: 0.03);

        Replay(reducer, model.trainer(), 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);

        Assert.Equal(0.03, model.trainer().learning_rate, 12);
        Assert.Contains("Epoch 3: ReduceLROnPlateau reducing learning rate to 0.05.", output.ToString());
    }

    [Fact]
    public void LearningRateScheduler_Schedule_SetsRateEachEpochAndHistoryRecordsIt()
    {
        var (model, x, y, _) = Setup();

        var history = model.fit(x, y, epochs: 3, verbose: 0, callbacks: [new LearningRateScheduler((epoch, lr) => 0.1 / (epoch + 1))]);

        Assert.Equal([0.1, 0.05, 0.1 / 3], history.learning_rate);
    }

    [Fact]
    public void CSVLogger_Fit_WritesHeaderAndOneRowPerEpoch()
    {
        var (model, x, y, _) = Setup();
        var path = Path.Combine(folder, "log.csv");

        model.fit(x, y, epochs: 2, verbose: 0, validation_split: 0.25, callbacks: [new CSVLogger(path)]);

        var lines = File.ReadAllLines(path);
        Assert.Equal("epoch,accuracy,loss,val_accuracy,val_loss", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("1,", lines[2]);
    }
}
