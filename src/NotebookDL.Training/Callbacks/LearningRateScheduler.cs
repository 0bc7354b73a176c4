using System.Globalization;

namespace NotebookDL.Training;

/// <summary>Sets the learning rate at the start of every epoch from schedule(epoch, current lr) (Keras' LearningRateScheduler).</summary>
public sealed class LearningRateScheduler(Func<int, double, double> schedule, int verbose = 0) : Callback
{
    public override void on_epoch_begin(int epoch, Logs logs)
    {
        var lr = schedule(epoch, Trainer.learning_rate);
        if (!double.IsFinite(lr) || lr < 0)
            throw new InvalidOperationException($"LearningRateScheduler: the schedule returned {lr} for epoch {epoch + 1}; it must return a finite, non-negative learning rate.");
        Trainer.learning_rate = lr;
        if (verbose > 0) Trainer.output.WriteLine($"\nEpoch {epoch + 1}: LearningRateScheduler setting learning rate to {lr.ToString("G", CultureInfo.InvariantCulture)}.");
    }
}
