using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>Mean squared error between prediction and target (regression).</summary>
public sealed class MSELoss : Loss<Tensor, Tensor, Tensor>
{
    public MSELoss(nn.Reduction reduction = nn.Reduction.Mean) : base(reduction) { }

    public override Tensor forward(Tensor input, Tensor target) => nn.functional.mse_loss(input, target, reduction);
}
