using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// Randomly zeroes activations with probability p while training and scales the rest by 1/(1−p);
/// the identity in eval mode, which is why evaluation code must call model.eval().
/// </summary>
public sealed class Dropout : ParameterLessModule<Tensor, Tensor>
{
    private double probability;

    internal Dropout(double p = 0.5, bool inplace = false) : base(nameof(Dropout))
    {
        this.p = p;
        this.inplace = inplace;
    }

    /// <summary>The drop probability, in [0, 1): p = 1 would silence the layer entirely, so it is refused here.</summary>
    public double p
    {
        get => probability;
        set
        {
            if (!(value >= 0 && value < 1))
                throw new ArgumentException($"Dropout: p is the probability of zeroing an element and must be in [0, 1), got {value}.");
            probability = value;
        }
    }

    public bool inplace { get; set; }

    public override Tensor forward(Tensor input) => nn.functional.dropout(input, probability, training, inplace);

    public override string extra_repr() => $"p={PyRepr(probability)}, inplace={PyRepr(inplace)}";
}
