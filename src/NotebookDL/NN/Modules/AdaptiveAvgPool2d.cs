using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// Averages each channel down to a fixed output_size whatever the input's height and width — (1, 1) is global
/// average pooling, which lets a CNN accept any image size before its classifier.
/// </summary>
public sealed class AdaptiveAvgPool2d : ParameterLessModule<Tensor, Tensor>
{
    internal AdaptiveAvgPool2d(long[] output_size) : base(nameof(AdaptiveAvgPool2d))
    {
        this.output_size = SpatialInput.Sizes(output_size, nameof(AdaptiveAvgPool2d), "output_size", 1);
    }

    public long[] output_size { get; }

    public override Tensor forward(Tensor input)
    {
        SpatialInput.Check(input, $"AdaptiveAvgPool2d(output_size={SpatialInput.Repr(output_size)})");
        return nn.functional.adaptive_avg_pool2d(input, output_size);
    }

    public override string extra_repr() => $"output_size={SpatialInput.Repr(output_size)}";
}
