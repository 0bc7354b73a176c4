namespace NotebookDL.TorchSharp.Training.Tests.Callbacks;

public sealed class ModelCheckpointTests : TemporaryFolderTests
{
    [Fact]
    public void ModelCheckpoint_WeightsOnlyEveryEpoch_LoadWeightsRestoresIdenticalWeights()
    {
        var (x, y, model) = TwoBlobs.DataAndCompiledModel();
        var pattern = Path.Combine(Folder, "weights-{epoch:02d}.safetensors");

        var history = model.fit(x, y, epochs: 3, batch_size: 32, callbacks: [new ModelCheckpoint(pattern, save_weights_only: true)], verbose: 0);

        Assert.Equal([0, 1, 2], history.checkpoints);
        Assert.Equal(["weights-01.safetensors", "weights-02.safetensors", "weights-03.safetensors"],
            Directory.GetFiles(Folder).Select(Path.GetFileName).Order());
        var fresh = TwoBlobs.Classifier(seed: 99);
        Assert.NotEqual(TwoBlobs.Weights(model)["0.weight"], TwoBlobs.Weights(fresh)["0.weight"]);
        fresh.load_weights(Path.Combine(Folder, "weights-03.safetensors"));
        TwoBlobs.AssertSameWeights(TwoBlobs.Weights(model), TwoBlobs.Weights(fresh));
    }

    [Fact]
    public void ModelCheckpoint_SaveBestOnly_SavesOnlyWhenValLossImproves()
    {
        var (x, y, model) = TwoBlobs.DataAndCompiledModel();
        var path = Path.Combine(Folder, "best.safetensors");
        var checkpoint = new ModelCheckpoint(path, monitor: "val_loss", save_best_only: true, save_weights_only: true);

        var history = model.fit(x, y, epochs: 6, batch_size: 32, validation_split: 0.25, callbacks: [checkpoint], verbose: 0);

        var valLoss = history["val_loss"];
        var improved = Enumerable.Range(0, valLoss.Count).Where(e => valLoss.Take(e).All(before => valLoss[e] < before)).ToList();
        Assert.Equal(improved, history.checkpoints);
        Assert.Equal(valLoss.Min(), checkpoint.best);
        Assert.True(File.Exists(path));
    }
}
