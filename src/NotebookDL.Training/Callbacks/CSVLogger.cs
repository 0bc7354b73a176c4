using System.Globalization;

namespace NotebookDL.Training;

/// <summary>
/// Streams one row per epoch to a CSV file ("epoch,accuracy,loss,val_accuracy,val_loss", columns sorted
/// as Keras sorts them). Each row is flushed, so a crash loses at most the running epoch.
/// </summary>
public sealed class CSVLogger(string filename, string separator = ",", bool append = false) : Callback
{
    private StreamWriter? writer;
    private string[]? columns;

    public override void on_train_begin(Logs logs)
    {
        var exists = File.Exists(filename) && new FileInfo(filename).Length > 0;
        writer = new StreamWriter(filename, append) { AutoFlush = true };
        columns = null;
        if (append && exists) columns = []; // header already there; columns fixed on first row
    }

    public override void on_epoch_end(int epoch, Logs logs)
    {
        if (writer is null) return;
        var keys = logs.Keys.Order(StringComparer.Ordinal).ToArray();
        if (columns is null)
        {
            writer.WriteLine(string.Join(separator, keys.Prepend("epoch")));
            columns = keys;
        }
        else if (columns.Length == 0) columns = keys;
        writer.WriteLine(string.Join(separator, columns.Select(k => logs.TryGetValue(k, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : "").Prepend(epoch.ToString(CultureInfo.InvariantCulture))));
    }

    public override void on_train_end(Logs logs)
    {
        writer?.Dispose();
        writer = null;
    }
}
