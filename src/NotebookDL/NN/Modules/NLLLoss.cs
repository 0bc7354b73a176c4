using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>Negative log likelihood of log-probabilities (e.g. from LogSoftmax) at int64 class indices.</summary>
public sealed class NLLLoss : WeightedLoss<Tensor, Tensor, Tensor>
{
    public NLLLoss(Tensor? weight = null, nn.Reduction reduction = nn.Reduction.Mean) : base(weight, reduction) { }

    public override Tensor forward(Tensor input, Tensor target) => nn.functional.nll_loss(input, target, weight, reduction);
}
