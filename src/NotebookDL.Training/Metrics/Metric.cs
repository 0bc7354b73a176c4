namespace NotebookDL.Training;

/// <summary>A metric accumulated over the batches of an epoch (Keras' stateful metrics).</summary>
public abstract class Metric
{
    public abstract string name { get; }

    public abstract void reset_state();

    /// <summary>Adds one batch: the model's output and the batch's targets.</summary>
    public abstract void update_state(Tensor output, Tensor target);

    public abstract double result();

    /// <summary>Builds a metric from Keras' names: "accuracy"/"acc", "top_k_accuracy"/"top5".</summary>
    internal static Metric FromName(string metric, OutputKind kind) => metric.ToLowerInvariant() switch
    {
        "accuracy" or "acc" => new AccuracyMetric(kind),
        "top_k_accuracy" or "top_k_categorical_accuracy" or "top5" => new TopKAccuracyMetric(5),
        "top3" => new TopKAccuracyMetric(3),
        _ => throw new ArgumentException($"Unknown metric '{metric}': use \"accuracy\", \"top_k_accuracy\" (top 5) or \"top3\", or pass a Metric object."),
    };
}

/// <summary>What the model's output means, which decides how "accuracy" reads it.</summary>
public enum OutputKind
{
    /// <summary>[N, C] scores (logits or probabilities): the prediction is the argmax.</summary>
    MultiClass,
    /// <summary>[N] or [N, 1] probabilities: the prediction is p &gt; 0.5.</summary>
    BinaryProbability,
    /// <summary>[N] or [N, 1] logits: the prediction is z &gt; 0.</summary>
    BinaryLogit,
}

/// <summary>Fraction of correct predictions; targets may be class indices or one-hot rows.</summary>
public sealed class AccuracyMetric(OutputKind kind = OutputKind.MultiClass) : Metric
{
    private long correct, total;

    public override string name => "accuracy";

    public override void reset_state() => (correct, total) = (0, 0);

    public override void update_state(Tensor output, Tensor target)
    {
        using var _ = torch.no_grad();
        long[] predicted, actual;
        if (kind == OutputKind.MultiClass && output.dim() == 2 && output.size(1) > 1)
        {
            predicted = EngineAdapter.ToArray<long>(output.argmax(1));
            actual = EngineAdapter.ToArray<long>(target.dim() == 2 ? target.argmax(1) : target.to(ScalarType.Int64).reshape(-1));
        }
        else
        {
            var threshold = kind == OutputKind.BinaryLogit ? 0.0 : 0.5;
            predicted = EngineAdapter.ToArray<long>((output.reshape(-1) > threshold).to(ScalarType.Int64));
            actual = EngineAdapter.ToArray<long>((target.to(ScalarType.Float32).reshape(-1) > 0.5).to(ScalarType.Int64));
        }
        if (predicted.Length != actual.Length)
            throw new ArgumentException($"accuracy: {predicted.Length} predictions (output {EngineAdapter.FormatShape(output.shape)}) but {actual.Length} targets (target {EngineAdapter.FormatShape(target.shape)}).");
        for (int i = 0; i < predicted.Length; i++) if (predicted[i] == actual[i]) correct++;
        total += predicted.Length;
    }

    public override double result() => total == 0 ? 0 : correct / (double)total;
}

/// <summary>Fraction of samples whose target is among the k highest scores.</summary>
public sealed class TopKAccuracyMetric(int k = 5) : Metric
{
    private double hits;
    private long total;

    public override string name => k == 5 ? "top_k_accuracy" : $"top{k}_accuracy";

    public override void reset_state() => (hits, total) = (0, 0);

    public override void update_state(Tensor output, Tensor target)
    {
        var n = output.size(0);
        hits += metrics.top_k_accuracy(output.detach(), target, Math.Min(k, (int)output.size(1))) * n;
        total += n;
    }

    public override double result() => total == 0 ? 0 : hits / total;
}
