using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>log(softmax(x)) along dim, computed stably; pair it with NLLLoss.</summary>
public sealed class LogSoftmax : ParameterLessModule<Tensor, Tensor>
{
    internal LogSoftmax(long dim) : base(nameof(LogSoftmax))
    {
        this.dim = dim;
    }

    public long dim { get; set; }

    public override Tensor forward(Tensor input) => nn.functional.log_softmax(input, dim);

    public override string extra_repr() => $"dim={dim}";
}
