using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>x for x &gt; 0, negative_slope·x otherwise, so negative inputs still pass a small gradient.</summary>
public sealed class LeakyReLU : ParameterLessModule<Tensor, Tensor>
{
    internal LeakyReLU(double negative_slope = 0.01, bool inplace = false) : base(nameof(LeakyReLU))
    {
        this.negative_slope = negative_slope;
        this.inplace = inplace;
    }

    public double negative_slope { get; set; }

    /// <summary>Accepted for TorchSharp compatibility; the result is always a new tensor because the engine refuses in-place writes to tensors in the autograd graph.</summary>
    public bool inplace { get; set; }

    public override Tensor forward(Tensor input) => nn.functional.leaky_relu(input, negative_slope);

    public override string extra_repr() => $"negative_slope={PyRepr(negative_slope)}" + (inplace ? ", inplace=True" : "");
}
