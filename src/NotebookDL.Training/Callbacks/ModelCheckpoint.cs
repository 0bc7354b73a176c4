using System.Globalization;

namespace NotebookDL.Training;

/// <summary>
/// Saves the model after epochs (Keras' ModelCheckpoint), as safetensors written to a temporary file
/// and renamed into place. With save_best_only it saves only when the monitored value improves and
/// says so: "Epoch 3: val_loss improved from 1.24128 to 1.03798, saving model to ...".
/// {epoch} and {val_loss:.2f}-style placeholders in the path are filled in, as in Keras.
/// save_weights_only: false also stores the optimizer state, epoch and history (a full training checkpoint).
/// </summary>
public sealed class ModelCheckpoint : Callback
{
    private readonly string filepath;
    private readonly MonitoredValue monitored;
    private readonly bool saveBestOnly, saveWeightsOnly;
    private readonly int verbose;

    public ModelCheckpoint(string filepath, string monitor = "val_loss", int verbose = 0, bool save_best_only = false, bool save_weights_only = false, string mode = "auto")
    {
        if (string.IsNullOrWhiteSpace(filepath)) throw new ArgumentException("ModelCheckpoint: filepath must not be empty.");
        (this.filepath, saveBestOnly, saveWeightsOnly, this.verbose) = (filepath, save_best_only, save_weights_only, verbose);
        monitored = new MonitoredValue(monitor, mode, 0, nameof(ModelCheckpoint));
    }

    public double best => monitored.Best;

    public override void on_epoch_end(int epoch, Logs logs)
    {
        var path = FormatPath(filepath, epoch, logs);
        if (saveBestOnly)
        {
            if (monitored.Read(logs, Trainer.output, nameof(ModelCheckpoint)) is not { } current) return;
            if (!monitored.IsImprovement(current))
            {
                if (verbose > 0) Trainer.output.WriteLine($"\nEpoch {epoch + 1}: {monitored.Monitor} did not improve from {Number(monitored.Best)}");
                return;
            }
            if (verbose > 0) Trainer.output.WriteLine($"\nEpoch {epoch + 1}: {monitored.Monitor} improved from {Number(monitored.Best)} to {Number(current)}, saving model to {path}");
            monitored.Best = current;
        }
        else if (verbose > 0) Trainer.output.WriteLine($"\nEpoch {epoch + 1}: saving model to {path}");
        if (saveWeightsOnly) Trainer.model.save_weights(path);
        else Checkpoint.save(path, Trainer, epoch + 1);
        Trainer.history.checkpoints.Add(epoch);
    }

    private static string Number(double value) => double.IsInfinity(value) ? (value > 0 ? "inf" : "-inf") : value.ToString("F5", CultureInfo.InvariantCulture);

    /// <summary>Fills Keras-style placeholders: {epoch}, {epoch:02d}, {val_loss:.2f}.</summary>
    internal static string FormatPath(string pattern, int epoch, Logs logs) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(?::([^}]*))?\}", match =>
        {
            var name = match.Groups[1].Value;
            var spec = match.Groups[2].Value;
            if (name == "epoch")
            {
                var width = spec.EndsWith('d') && int.TryParse(spec.TrimEnd('d'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? w : 0;
                return (epoch + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            }
            if (!logs.TryGetValue(name, out var value)) return match.Value;
            var decimals = spec.StartsWith('.') && spec.EndsWith('f') && int.TryParse(spec[1..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : 4;
            return value.ToString("F" + decimals, CultureInfo.InvariantCulture);
        });
}
