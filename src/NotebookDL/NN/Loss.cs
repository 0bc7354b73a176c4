using static NotebookDL.torch;

namespace NotebookDL;

/// <summary>A loss module: forward(input, target) gives the loss, reduced as <see cref="reduction"/> says.</summary>
public abstract class Loss<T1, T2, TResult> : nn.Module<T1, T2, TResult>
{
    protected Loss(nn.Reduction reduction = nn.Reduction.Mean) : base("Loss")
    {
        name = GetType().Name;
        this.reduction = reduction;
    }

    public nn.Reduction reduction { get; }
}

/// <summary>A loss with optional per-class (or per-element) rescaling weights, kept as a buffer as in PyTorch.</summary>
public abstract class WeightedLoss<T1, T2, TResult> : Loss<T1, T2, TResult>
{
    protected WeightedLoss(Tensor? weight = null, nn.Reduction reduction = nn.Reduction.Mean) : base(reduction)
    {
        this.weight = weight;
        if (weight is not null) register_buffer(nameof(weight), weight);
    }

    public Tensor? weight { get; }
}
