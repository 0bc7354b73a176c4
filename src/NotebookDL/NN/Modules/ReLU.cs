using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>max(0, x): the default hidden-layer activation.</summary>
public sealed class ReLU : ParameterLessModule<Tensor, Tensor>
{
    internal ReLU(bool inplace = false) : base(nameof(ReLU))
    {
        this.inplace = inplace;
    }

    /// <summary>Accepted for TorchSharp compatibility; the result is always a new tensor because the engine refuses in-place writes to tensors in the autograd graph.</summary>
    public bool inplace { get; set; }

    public override Tensor forward(Tensor input) => nn.functional.relu(input);

    public override string extra_repr() => inplace ? "inplace=True" : "";
}
