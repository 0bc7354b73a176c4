using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>1 / (1 + e⁻ˣ): squashes to (0, 1), e.g. a binary classifier's probability.</summary>
public sealed class Sigmoid : ParameterLessModule<Tensor, Tensor>
{
    internal Sigmoid(bool inplace = false) : base(nameof(Sigmoid))
    {
        this.inplace = inplace;
    }

    /// <summary>Accepted for TorchSharp compatibility; the result is always a new tensor because the engine refuses in-place writes to tensors in the autograd graph.</summary>
    public bool inplace { get; set; }

    public override Tensor forward(Tensor input) => nn.functional.sigmoid(input);
}
