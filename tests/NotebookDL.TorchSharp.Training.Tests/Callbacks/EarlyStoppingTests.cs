namespace NotebookDL.TorchSharp.Training.Tests.Callbacks;

public class EarlyStoppingTests
{
    [Fact]
    public void EarlyStopping_NoImprovementByMinDelta_StopsAfterPatienceAndRestoresBestWeights()
    {
        var (x, y, model) = TwoBlobs.DataAndCompiledModel();
        var recorder = new WeightsAtEpochEnd();
        // The first epoch always improves on +inf; no later one can improve the loss by 10, so patience 1 ends epoch 2.
        var stopping = new EarlyStopping(monitor: "loss", min_delta: 10, patience: 1, restore_best_weights: true);

        var history = model.fit(x, y, epochs: 10, batch_size: 32, callbacks: [recorder, stopping], verbose: 0);

        Assert.Equal([0, 1], history.epoch);
        Assert.Equal(1, stopping.stopped_epoch);
        Assert.Equal(0, stopping.best_epoch);
        TwoBlobs.AssertSameWeights(recorder.Weights[0], TwoBlobs.Weights(model));
        Assert.False(recorder.Weights[0].Values.Zip(recorder.Weights[1].Values).All(p => p.First.SequenceEqual(p.Second)),
            "the second epoch changed the weights, so the restore is what put them back");
    }

    private sealed class WeightsAtEpochEnd : Callback
    {
        public List<Dictionary<string, float[]>> Weights { get; } = [];

        public override void on_epoch_end(int epoch, Logs logs) => Weights.Add(TwoBlobs.Weights(Trainer.model));
    }
}
