using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>tanh x: squashes to (−1, 1), zero-centred.</summary>
public sealed class Tanh : ParameterLessModule<Tensor, Tensor>
{
    internal Tanh(bool inplace = false) : base(nameof(Tanh))
    {
        this.inplace = inplace;
    }

    /// <summary>Accepted for TorchSharp compatibility; the result is always a new tensor because the engine refuses in-place writes to tensors in the autograd graph.</summary>
    public bool inplace { get; set; }

    public override Tensor forward(Tensor input) => nn.functional.tanh(input);
}
