namespace NotebookDL.Training;

/// <summary>Ends training quietly when a batch's loss is NaN or infinite (Keras' TerminateOnNaN), instead of fit's error.</summary>
public sealed class TerminateOnNaN : Callback
{
    public override void on_train_batch_end(int batch, Logs logs)
    {
        if (!logs.TryGetValue("loss_batch", out var loss) || double.IsFinite(loss)) return;
        Trainer.output.WriteLine($"Batch {batch}: Invalid loss, terminating training");
        Trainer.stop_training = true;
    }
}
