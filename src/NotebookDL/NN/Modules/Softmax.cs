using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>Turns scores along dim into probabilities that sum to 1.</summary>
public sealed class Softmax : ParameterLessModule<Tensor, Tensor>
{
    internal Softmax(long dim) : base(nameof(Softmax))
    {
        this.dim = dim;
    }

    public long dim { get; set; }

    public override Tensor forward(Tensor input) => nn.functional.softmax(input, dim);

    public override string extra_repr() => $"dim={dim}";
}
