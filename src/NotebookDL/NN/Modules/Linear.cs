using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// A fully connected layer, y = x·Wᵀ + b, with W [out_features, in_features]. Initialized as PyTorch does:
/// W and b uniform in ±1/√in_features (kaiming_uniform_ with a = √5, then the fan-in bound for the bias).
/// </summary>
public sealed class Linear : nn.Module<Tensor, Tensor>
{
    private Parameter weightSlot;
    private Parameter? biasSlot;

    internal Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) : base(nameof(Linear))
    {
        if (inputSize < 0 || outputSize < 0)
            throw new ArgumentException($"Linear: in_features and out_features must be non-negative, got in_features={inputSize}, out_features={outputSize}.");
        CheckFloat32(dtype, nameof(Linear));
        in_features = inputSize;
        out_features = outputSize;
        weightSlot = new Parameter(empty([outputSize, inputSize], device: device));
        ConditionallyRegisterParameter(nameof(weight), weightSlot);
        nn.init.kaiming_uniform_(weightSlot, a: Math.Sqrt(5));
        if (hasBias)
        {
            bias = new Parameter(empty([outputSize], device: device));
            var bound = inputSize > 0 ? 1 / Math.Sqrt(inputSize) : 0;
            nn.init.uniform_(biasSlot!, -bound, bound);
        }
    }

    internal Linear(Parameter weight, Parameter? bias = null) : base(nameof(Linear))
    {
        if (weight.Shape.Length != 2) throw new ArgumentException($"Linear: weight must be 2-D [out_features, in_features], got {Shapes.Format(weight.Shape)}.");
        in_features = weight.Shape[1];
        out_features = weight.Shape[0];
        weightSlot = weight;
        ConditionallyRegisterParameter(nameof(weight), weightSlot);
        this.bias = bias;
    }

    public long in_features { get; set; }

    public long out_features { get; set; }

    public Parameter weight
    {
        get => weightSlot;
        set
        {
            weightSlot = value ?? throw new ArgumentNullException(nameof(value), "Linear.weight cannot be null.");
            ConditionallyRegisterParameter(nameof(weight), weightSlot);
        }
    }

    public Parameter? bias
    {
        get => biasSlot;
        set
        {
            biasSlot = value;
            ConditionallyRegisterParameter(nameof(bias), biasSlot);
        }
    }

    public override Tensor forward(Tensor input)
    {
        if (input.Shape.Length == 0 || input.Shape[^1] != in_features)
        {
            var flattened = input.Shape.Length > 2 && Shapes.Numel(input.Shape.AsSpan(1)) == in_features;
            throw new ArgumentException(
                $"Linear(in_features={in_features}, out_features={out_features}) expects input [*, {in_features}] but got {Shapes.Format(input.Shape)}" +
                (flattened ? " — add nn.Flatten() first?" : $": its last dimension must be {in_features}."));
        }
        if (!input.IsFloat)
            throw new ArgumentException($"Linear(in_features={in_features}, out_features={out_features}) expects a floating point input but got {TypeName(input.dtype)}; convert it with .to(torch.float32).");
        return nn.functional.linear(input, weightSlot, biasSlot);
    }

    public override string extra_repr() => $"in_features={in_features}, out_features={out_features}, bias={PyRepr(biasSlot is not null)}";

    internal static void CheckFloat32(ScalarType? dtype, string layer)
    {
        if (dtype is { } t && t != ScalarType.Float32)
            throw new NotSupportedException($"{layer}: parameters can only be torch.float32 in NotebookDL, got {TypeName(t)}.");
    }
}
