namespace NotebookDL.Training;

/// <summary>
/// What fit returns: one value per epoch for every metric (history["loss"], history["val_accuracy"]),
/// plus each epoch's duration and learning rate. Epoch numbers are 0-based like Keras' history.epoch.
/// </summary>
public sealed class History
{
    private readonly Dictionary<string, List<double>> values = new();

    public List<int> epoch { get; } = [];

    public List<double> epoch_seconds { get; } = [];

    public List<double> learning_rate { get; } = [];

    /// <summary>Epochs at which ModelCheckpoint saved, for displays that mark them.</summary>
    public List<int> checkpoints { get; } = [];

    /// <summary>The epoch at which EarlyStopping (or cancellation) ended the run, if it did.</summary>
    public int? stopped_epoch { get; internal set; }

    /// <summary>Why the run ended early (cancellation), if it did.</summary>
    public string? message { get; internal set; }

    public IReadOnlyDictionary<string, List<double>> history => values;

    public IReadOnlyList<double> this[string metric] =>
        values.TryGetValue(metric, out var list)
            ? list
            : throw new KeyNotFoundException($"History has no metric '{metric}'; it has: {string.Join(", ", values.Keys)}.");

    public IEnumerable<string> Keys => values.Keys;

    public bool Contains(string metric) => values.ContainsKey(metric);

    internal void Record(int epochIndex, Logs logs, double seconds, double lr)
    {
        epoch.Add(epochIndex);
        epoch_seconds.Add(seconds);
        learning_rate.Add(lr);
        foreach (var (name, value) in logs)
        {
            if (!values.TryGetValue(name, out var list)) values[name] = list = [];
            list.Add(value);
        }
    }

    /// <summary>Rebuilds a history from saved columns (checkpoint resume).</summary>
    internal static History FromColumns(IReadOnlyDictionary<string, double[]> columns)
    {
        var h = new History();
        foreach (var (name, column) in columns)
            switch (name)
            {
                case "epoch": h.epoch.AddRange(column.Select(v => (int)v)); break;
                case "epoch_seconds": h.epoch_seconds.AddRange(column); break;
                case "learning_rate": h.learning_rate.AddRange(column); break;
                default: h.values[name] = [.. column]; break;
            }
        return h;
    }

    internal Dictionary<string, double[]> ToColumns()
    {
        var columns = values.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        columns["epoch"] = epoch.Select(e => (double)e).ToArray();
        columns["epoch_seconds"] = epoch_seconds.ToArray();
        columns["learning_rate"] = learning_rate.ToArray();
        return columns;
    }

    public override string ToString() =>
        $"History({epoch.Count} epochs: {string.Join(", ", values.Select(kv => $"{kv.Key}={kv.Value.LastOrDefault():G5}"))})";
}
