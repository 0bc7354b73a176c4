namespace NotebookDL.Training;

/// <summary>
/// Keras' callback shape: every hook is a no-op, so a callback overrides only what it needs. Hooks
/// receive the running logs ("loss", "accuracy", "val_loss", ...) and may stop training through
/// <see cref="Trainer.stop_training"/>.
/// </summary>
public abstract class Callback
{
    /// <summary>The training run this callback is attached to; set before on_train_begin.</summary>
    public Trainer? trainer { get; internal set; }

    public virtual void on_train_begin(Logs logs) { }
    public virtual void on_train_end(Logs logs) { }
    public virtual void on_epoch_begin(int epoch, Logs logs) { }
    public virtual void on_epoch_end(int epoch, Logs logs) { }
    public virtual void on_train_batch_begin(int batch, Logs logs) { }
    public virtual void on_train_batch_end(int batch, Logs logs) { }
    public virtual void on_test_begin(Logs logs) { }
    public virtual void on_test_end(Logs logs) { }

    protected Trainer Trainer => trainer ?? throw new InvalidOperationException($"{GetType().Name} is not attached to a training run; pass it to fit(callbacks: ...).");
}
