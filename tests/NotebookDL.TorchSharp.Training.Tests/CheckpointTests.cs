namespace NotebookDL.TorchSharp.Training.Tests;

public sealed class CheckpointTests : TemporaryFolderTests
{
    [Fact]
    public void Checkpoint_FullTrainingCheckpoint_ResumesWithTheSameOptimizerState()
    {
        var (x, y, model) = TwoBlobs.DataAndCompiledModel();
        var path = Path.Combine(Folder, "full.safetensors");
        // A full checkpoint, as ModelCheckpoint(save_weights_only: false) writes it after each epoch.
        model.fit(x, y, epochs: 2, batch_size: 32, shuffle: false, callbacks: [new ModelCheckpoint(path)], verbose: 0);

        var resumed = TwoBlobs.Compiled(seed: 99);
        var (epoch, history) = Checkpoint.load(path, resumed.trainer());

        Assert.Equal(2, epoch);
        Assert.Equal([0, 1], history.epoch);
        TwoBlobs.AssertSameWeights(TwoBlobs.Weights(model), TwoBlobs.Weights(resumed));
        // One more epoch on each: only equal if Adam's moments and step count came back too.
        model.fit(x, y, epochs: 3, initial_epoch: 2, batch_size: 32, shuffle: false, verbose: 0);
        var continued = resumed.fit(x, y, epochs: 3, initial_epoch: 2, batch_size: 32, shuffle: false, verbose: 0);
        TwoBlobs.AssertSameWeights(TwoBlobs.Weights(model), TwoBlobs.Weights(resumed));
        Assert.Equal([0, 1, 2], continued.epoch);
    }

    [Fact]
    public void Load_CheckpointWithoutTorchSharpOptimizerState_SaysToLoadTheWeightsInstead()
    {
        var model = TwoBlobs.Compiled();
        var path = Path.Combine(Folder, "managed.safetensors");
        // What the managed engine writes: its optimizer's options, none of TorchSharp's state stream.
        var tensors = model.state_dict().ToDictionary(kv => "model." + kv.Key, kv => kv.Value);
        safetensors.save_file(tensors, path, new Dictionary<string, string>
        {
            ["format"] = "notebookdl-training-checkpoint", ["epoch"] = "1", ["optimizer"] = "Adam", ["optimizer_options"] = "{}", ["history"] = "{}",
        });

        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.load(path, model.trainer()));

        Assert.Contains("holds no TorchSharp optimizer state (it was probably saved with the managed engine)", error.Message);
        Assert.Contains("model.load_weights(path)", error.Message);
    }
}
