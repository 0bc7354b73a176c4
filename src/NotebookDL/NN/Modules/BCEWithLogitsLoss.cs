using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// Sigmoid plus binary cross entropy in one numerically stable step, on raw scores; pos_weights scales the
/// positive term (per class) to counter class imbalance.
/// </summary>
public sealed class BCEWithLogitsLoss : WeightedLoss<Tensor, Tensor, Tensor>
{
    public BCEWithLogitsLoss(Tensor? weight = null, nn.Reduction reduction = nn.Reduction.Mean, Tensor? pos_weights = null) : base(weight, reduction)
    {
        this.pos_weights = pos_weights;
        if (pos_weights is not null) register_buffer("pos_weight", pos_weights);
    }

    public Tensor? pos_weights { get; }

    public override Tensor forward(Tensor input, Tensor target) =>
        nn.functional.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weights);
}
