using System.Globalization;

namespace NotebookDL.Modules;

/// <summary>
/// One parameter group's hyper-parameters (TorchSharp.Modules.OptimizerOptions). Values live in a
/// dictionary keyed by PyTorch's names ("lr", "momentum", "beta1", ...) so that state_dict() can
/// export any optimizer's options generically; booleans are stored as 0/1. A null typed property
/// means "not set here": add_param_group fills it from the optimizer's defaults.
/// </summary>
public class OptimizerOptions
{
    internal const string LrKey = "lr";
    internal const string InitialLrKey = "initial_lr";

    private readonly Dictionary<string, double> values = new(StringComparer.Ordinal);

    public double? LearningRate
    {
        get => Get(LrKey);
        set => Set(LrKey, value);
    }

    /// <summary>
    /// The learning rate schedulers start from. Like PyTorch's group['initial_lr'] it is recorded when the
    /// first scheduler attaches; until then it reads as the current learning rate.
    /// </summary>
    public double InitialLearningRate
    {
        get => Get(InitialLrKey) ?? LearningRate ?? 0;
        set => Set(InitialLrKey, value);
    }

    internal bool HasInitialLearningRate => values.ContainsKey(InitialLrKey);

    /// <summary>Every value that is set, by PyTorch name (booleans as 0/1).</summary>
    public IReadOnlyDictionary<string, double> Values => values;

    protected double? Get(string key) => values.TryGetValue(key, out var v) ? v : null;

    protected void Set(string key, double? value)
    {
        if (value is { } v) values[key] = v;
        else values.Remove(key);
    }

    protected bool? GetFlag(string key) => Get(key) is { } v ? v != 0 : null;

    protected void SetFlag(string key, bool? value) => Set(key, value is { } b ? (b ? 1 : 0) : null);

    /// <summary>The value an optimizer step needs; add_param_group guarantees it is there.</summary>
    internal double Require(string key) =>
        values.TryGetValue(key, out var v)
            ? v
            : throw new InvalidOperationException($"optimizer option '{key}' is not set for this parameter group.");

    internal bool RequireFlag(string key) => Require(key) != 0;

    internal void SetValue(string key, double value) => values[key] = value;

    /// <summary>Fills every option this group leaves unset from <paramref name="defaults"/>.</summary>
    internal void MergeMissing(OptimizerOptions defaults)
    {
        foreach (var (key, value) in defaults.values)
            if (key != InitialLrKey) values.TryAdd(key, value);
    }

    /// <summary>Copies every value of <paramref name="source"/> over this one's (used to retype untyped options).</summary>
    internal void CopyFrom(OptimizerOptions source)
    {
        foreach (var (key, value) in source.values) values[key] = value;
    }

    public override string ToString() =>
        string.Join(", ", values.Select(kv => kv.Key + "=" + kv.Value.ToString(CultureInfo.InvariantCulture)));
}
