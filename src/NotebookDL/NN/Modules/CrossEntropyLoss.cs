using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// The classification loss on raw scores (logits): log_softmax then negative log likelihood, in one stable step.
/// Targets are int64 class indices, or class probabilities shaped like the input.
/// </summary>
public sealed class CrossEntropyLoss : WeightedLoss<Tensor, Tensor, Tensor>
{
    public CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, nn.Reduction reduction = nn.Reduction.Mean, double label_smoothing = 0.0)
        : base(weight, reduction)
    {
        if (!(label_smoothing >= 0 && label_smoothing <= 1))
            throw new ArgumentException($"CrossEntropyLoss: label_smoothing must be between 0.0 and 1.0, got {label_smoothing}.");
        this.ignore_index = ignore_index;
        this.label_smoothing = label_smoothing;
    }

    /// <summary>A target value whose samples are skipped (padding tokens, unlabeled pixels); null means none.</summary>
    public long? ignore_index { get; }

    public double label_smoothing { get; }

    public override Tensor forward(Tensor input, Tensor target) =>
        nn.functional.cross_entropy(input, target, weight, ignore_index ?? -100, reduction, label_smoothing);
}
