using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>Heaviside step, the perceptron's activation: 1 where x ≥ threshold, else 0. It has no useful gradient, so it suits the perceptron learning rule, not backpropagation.</summary>
public sealed class Step : ParameterLessModule<Tensor, Tensor>
{
    internal Step(double threshold = 0) : base(nameof(Step))
    {
        this.threshold = threshold;
    }

    public double threshold { get; set; }

    public override Tensor forward(Tensor input) => nn.functional.step(input, threshold);

    public override string extra_repr() => threshold == 0 ? "" : $"threshold={PyRepr(threshold)}";
}
