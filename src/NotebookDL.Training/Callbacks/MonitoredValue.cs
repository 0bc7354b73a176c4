namespace NotebookDL.Training;

/// <summary>
/// Tracks the best value of one logged metric, as Keras' callbacks do: mode "min", "max" or "auto"
/// (max for names containing "acc", else min), with an improvement threshold.
/// </summary>
internal sealed class MonitoredValue
{
    private readonly bool maximize;
    private readonly double minDelta;

    public MonitoredValue(string monitor, string mode, double minDelta, string owner)
    {
        Monitor = monitor;
        maximize = mode switch
        {
            "min" => false,
            "max" => true,
            "auto" => monitor.Contains("acc", StringComparison.OrdinalIgnoreCase) || monitor.StartsWith("fmeasure", StringComparison.Ordinal),
            _ => throw new ArgumentException($"{owner}: mode must be \"auto\", \"min\" or \"max\", got \"{mode}\"."),
        };
        this.minDelta = Math.Abs(minDelta);
        Reset();
    }

    /// <summary>Forgets the best value, so the next reading is always an improvement.</summary>
    public void Reset() => Best = maximize ? double.NegativeInfinity : double.PositiveInfinity;

    public string Monitor { get; }

    public double Best { get; set; }

    public bool IsImprovement(double value) => maximize ? value > Best + minDelta : value < Best - minDelta;

    /// <summary>The monitored value from the logs, or null (with a warning once) when it is not logged.</summary>
    public double? Read(Logs logs, TextWriter output, string owner)
    {
        if (logs.TryGetValue(Monitor, out var value)) return value;
        output.WriteLine($"WARNING: {owner} is monitoring '{Monitor}', which is not available. Available metrics are: {string.Join(",", logs.Keys)}.");
        return null;
    }
}
