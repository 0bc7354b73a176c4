using System.Diagnostics;
using System.Globalization;

namespace NotebookDL.Training;

/// <summary>
/// Keras' progress output. verbose 1: a live bar redrawn in place with ETA and running metrics;
/// verbose 2: one line per epoch, e.g. "1407/1407 - 54s - loss: 1.3625 - accuracy: 0.5094 - val_loss: ...".
/// </summary>
internal sealed class ProgressLogger(int verbose, int epochs, int steps) : Callback
{
    private const int BarWidth = 30;
    private readonly Stopwatch watch = new();
    private int lastDrawnMs = -1000;
    private int drawnLength;

    public override void on_epoch_begin(int epoch, Logs logs)
    {
        Trainer.output.WriteLine($"Epoch {epoch + 1}/{epochs}");
        watch.Restart();
        lastDrawnMs = -1000;
        drawnLength = 0;
    }

    public override void on_train_batch_end(int batch, Logs logs)
    {
        if (verbose != 1) return;
        var now = (int)watch.ElapsedMilliseconds;
        if (batch + 1 < steps && now - lastDrawnMs < 100) return; // redraw at most 10 times a second
        lastDrawnMs = now;
        var done = batch + 1;
        var eta = done < steps ? $"ETA: {FormatDuration(watch.Elapsed.TotalSeconds / done * (steps - done))}" : FormatDuration(watch.Elapsed.TotalSeconds);
        Trainer.output.Write("\r" + Padded($"{Counter(done)} {Bar(done)} - {eta}{Metrics(logs, includeValidation: false)}"));
        Trainer.output.Flush();
    }

    public override void on_epoch_end(int epoch, Logs logs)
    {
        var seconds = watch.Elapsed.TotalSeconds;
        var perStep = seconds / Math.Max(1, steps);
        var timing = $"{FormatDuration(seconds)} {Math.Round(perStep * 1000).ToString(CultureInfo.InvariantCulture)}ms/step";
        if (verbose == 1) Trainer.output.WriteLine("\r" + Padded($"{Counter(steps)} {Bar(steps)} - {timing}{Metrics(logs, includeValidation: true)}"));
        else Trainer.output.WriteLine($"{Counter(steps)} - {timing}{Metrics(logs, includeValidation: true)}");
    }

    /// <summary>A redrawn line padded to the longest drawn so far, so a shorter line leaves no stale characters behind.</summary>
    private string Padded(string line)
    {
        var padded = line.PadRight(drawnLength);
        drawnLength = Math.Max(drawnLength, line.Length);
        return padded;
    }

    private string Counter(int done) => $"{done.ToString(CultureInfo.InvariantCulture).PadLeft(steps.ToString(CultureInfo.InvariantCulture).Length)}/{steps}";

    private static string Metrics(Logs logs, bool includeValidation) =>
        string.Concat(logs.Where(kv => kv.Key != "loss_batch" && (includeValidation || !kv.Key.StartsWith("val_", StringComparison.Ordinal)))
            .Select(kv => $" - {kv.Key}: {FormatValue(kv.Value)}"));

    private string Bar(int done)
    {
        var filled = (int)(BarWidth * (double)done / steps);
        var bar = done >= steps ? new string('=', BarWidth) : new string('=', Math.Max(0, filled - 1)) + ">" + new string('.', BarWidth - Math.Max(1, filled));
        return "[" + bar + "]";
    }

    /// <summary>Keras prints metrics with 4 decimals, switching to scientific notation below 1e-3.</summary>
    internal static string FormatValue(double value) =>
        Math.Abs(value) > 1e-3 || value == 0 ? value.ToString("F4", CultureInfo.InvariantCulture) : value.ToString("0.0000e+00", CultureInfo.InvariantCulture);

    internal static string FormatDuration(double seconds) => seconds switch
    {
        >= 3600 => $"{(int)seconds / 3600}:{(int)seconds % 3600 / 60:00}:{(int)seconds % 60:00}",
        >= 60 => $"{(int)seconds / 60}:{(int)seconds % 60:00}",
        >= 1 => $"{(int)Math.Round(seconds)}s",
        _ => $"{Math.Round(seconds * 1000)}ms",
    };
}
