using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>Binary cross entropy of probabilities in [0, 1] (e.g. from Sigmoid) against targets in [0, 1].</summary>
public sealed class BCELoss : WeightedLoss<Tensor, Tensor, Tensor>
{
    public BCELoss(Tensor? weight = null, nn.Reduction reduction = nn.Reduction.Mean) : base(weight, reduction) { }

    public override Tensor forward(Tensor input, Tensor target) => nn.functional.binary_cross_entropy(input, target, weight, reduction);
}
