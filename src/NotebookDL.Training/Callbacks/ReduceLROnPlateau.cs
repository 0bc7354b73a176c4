using System.Globalization;

namespace NotebookDL.Training;

/// <summary>
/// Keras' ReduceLROnPlateau callback: multiplies the learning rate by `factor` when the monitored value
/// has not improved for `patience` epochs, then waits `cooldown` epochs; never below min_lr.
/// (For the per-step PyTorch scheduler use optim.lr_scheduler.ReduceLROnPlateau.)
/// </summary>
public sealed class ReduceLROnPlateau : Callback
{
    private readonly MonitoredValue monitored;
    private readonly double factor, minLr;
    private readonly int patience, cooldown, verbose;
    private int wait, cooldownLeft;

    public ReduceLROnPlateau(string monitor = "val_loss", double factor = 0.1, int patience = 10, int verbose = 0, string mode = "auto",
        double min_delta = 1e-4, int cooldown = 0, double min_lr = 0)
    {
        if (factor >= 1 || factor <= 0) throw new ArgumentOutOfRangeException(nameof(factor), $"ReduceLROnPlateau: factor must be in (0, 1) to reduce the learning rate, got {factor}.");
        monitored = new MonitoredValue(monitor, mode, min_delta, nameof(ReduceLROnPlateau));
        (this.factor, this.patience, this.verbose, this.cooldown, minLr) = (factor, patience, verbose, cooldown, min_lr);
    }

    public override void on_train_begin(Logs logs)
    {
        (wait, cooldownLeft) = (0, 0);
        monitored.Reset();
    }

    public override void on_epoch_end(int epoch, Logs logs)
    {
        if (monitored.Read(logs, Trainer.output, nameof(ReduceLROnPlateau)) is not { } current) return;
        if (cooldownLeft > 0)
        {
            cooldownLeft--;
            wait = 0;
        }
        if (monitored.IsImprovement(current))
        {
            monitored.Best = current;
            wait = 0;
            return;
        }
        if (cooldownLeft > 0 || ++wait < patience) return;
        var old = Trainer.learning_rate;
        if (old <= minLr) return;
        var updated = Math.Max(old * factor, minLr);
        Trainer.learning_rate = updated;
        if (verbose > 0) Trainer.output.WriteLine($"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate to {updated.ToString("G", CultureInfo.InvariantCulture)}.");
        cooldownLeft = cooldown;
        wait = 0;
    }
}
