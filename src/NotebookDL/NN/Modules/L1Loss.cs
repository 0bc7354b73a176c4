using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>Mean absolute error between prediction and target.</summary>
public sealed class L1Loss : Loss<Tensor, Tensor, Tensor>
{
    public L1Loss(nn.Reduction reduction = nn.Reduction.Mean) : base(reduction) { }

    public override Tensor forward(Tensor input, Tensor target) => nn.functional.l1_loss(input, target, reduction);
}
