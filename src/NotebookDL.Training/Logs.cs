namespace NotebookDL.Training;

/// <summary>Metric values by name for the current batch or epoch, in insertion order (Keras' logs dict).</summary>
public sealed class Logs : Dictionary<string, double>
{
    public Logs() { }

    public Logs(IEnumerable<KeyValuePair<string, double>> values) : base(values) { }

    public double? Get(string name) => TryGetValue(name, out var v) ? v : null;
}
