namespace NotebookDL.Training;

/// <summary>
/// Stops training when the monitored value has not improved by more than min_delta for `patience`
/// epochs (Keras' EarlyStopping). restore_best_weights puts back the weights of the best epoch;
/// epochs before start_from_epoch are a warm-up that is not judged.
/// </summary>
public sealed class EarlyStopping : Callback
{
    private readonly MonitoredValue monitored;
    private readonly int patience, verbose, startFromEpoch;
    private readonly bool restoreBestWeights;
    private readonly double? baseline;
    private Dictionary<string, Tensor>? bestWeights;
    private int wait, bestEpoch;

    public EarlyStopping(string monitor = "val_loss", double min_delta = 0, int patience = 0, int verbose = 0, string mode = "auto",
        double? baseline = null, bool restore_best_weights = false, int start_from_epoch = 0)
    {
        if (patience < 0) throw new ArgumentOutOfRangeException(nameof(patience), $"EarlyStopping: patience must be >= 0, got {patience}.");
        if (start_from_epoch < 0) throw new ArgumentOutOfRangeException(nameof(start_from_epoch), $"EarlyStopping: start_from_epoch must be >= 0, got {start_from_epoch}.");
        monitored = new MonitoredValue(monitor, mode, min_delta, nameof(EarlyStopping));
        (this.patience, this.verbose, startFromEpoch, restoreBestWeights, this.baseline) = (patience, verbose, start_from_epoch, restore_best_weights, baseline);
    }

    /// <summary>The 0-based epoch at which training was stopped, or null if it ran to the end.</summary>
    public int? stopped_epoch { get; private set; }

    public int best_epoch => bestEpoch;

    public override void on_train_begin(Logs logs)
    {
        (wait, bestEpoch, stopped_epoch, bestWeights) = (0, 0, null, null);
        monitored.Reset();
        if (baseline is { } b) monitored.Best = b;
    }

    public override void on_epoch_end(int epoch, Logs logs)
    {
        if (epoch < startFromEpoch) return;
        if (monitored.Read(logs, Trainer.output, nameof(EarlyStopping)) is not { } current) return;
        if (restoreBestWeights && bestWeights is null) bestWeights = Snapshot(null);
        wait++;
        if (monitored.IsImprovement(current))
        {
            monitored.Best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) bestWeights = Snapshot(bestWeights);
            if (baseline is null || monitored.IsImprovement(baseline.Value) || current == baseline) wait = 0;
            return;
        }
        if (wait < patience || epoch == 0) return;
        stopped_epoch = epoch;
        Trainer.stop_training = true;
        Trainer.history.stopped_epoch = epoch;
        if (restoreBestWeights && bestWeights is not null)
        {
            if (verbose > 0) Trainer.output.WriteLine($"Restoring model weights from the end of the best epoch: {bestEpoch + 1}.");
            Trainer.model.load_state_dict(bestWeights);
        }
    }

    public override void on_train_end(Logs logs)
    {
        if (stopped_epoch is { } e && verbose > 0) Trainer.output.WriteLine($"Epoch {e + 1}: early stopping");
    }

    /// <summary>Copies of the weights now; the copies they replace are disposed (on TorchSharp, native memory).</summary>
    private Dictionary<string, Tensor> Snapshot(Dictionary<string, Tensor>? replaced)
    {
        foreach (var t in replaced?.Values ?? Enumerable.Empty<Tensor>()) t.Dispose();
        using var scope = torch.NewDisposeScope();
        return Trainer.model.state_dict().ToDictionary(kv => kv.Key, kv => EngineAdapter.KeepBeyondScope(kv.Value.detach().clone()));
    }
}
