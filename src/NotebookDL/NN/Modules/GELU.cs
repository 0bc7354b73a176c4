using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>x·Φ(x) with Φ the standard normal CDF (the exact, erf-based form), as used in transformers.</summary>
public sealed class GELU : ParameterLessModule<Tensor, Tensor>
{
    internal GELU() : base(nameof(GELU)) { }

    public override Tensor forward(Tensor input) => nn.functional.gelu(input);

    public override string extra_repr() => "approximate='none'";
}
