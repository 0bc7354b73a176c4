using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>The mean of each kernel_size window of every channel; the stride defaults to the kernel size.</summary>
public sealed class AvgPool2d : ParameterLessModule<Tensor, Tensor>
{
    internal AvgPool2d(long[] kernel_size, long[]? stride = null, long[]? padding = null, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)
        : base(nameof(AvgPool2d))
    {
        this.kernel_size = SpatialInput.Sizes(kernel_size, nameof(AvgPool2d), "kernel_size", 1);
        this.stride = stride is null ? this.kernel_size : SpatialInput.Sizes(stride, nameof(AvgPool2d), "stride", 1);
        this.padding = padding is null ? [0] : SpatialInput.Sizes(padding, nameof(AvgPool2d), "padding", 0);
        if (ceil_mode) throw new NotSupportedException("AvgPool2d: ceil_mode=true is not supported; NotebookDL rounds the output size down, as the default does.");
        if (divisor_override is not null) throw new NotSupportedException("AvgPool2d: divisor_override is not supported; the divisor is the window size.");
        for (int d = 0; d < 2; d++)
            if (this.padding[Math.Min(d, this.padding.Length - 1)] > this.kernel_size[Math.Min(d, this.kernel_size.Length - 1)] / 2)
                throw new ArgumentException($"AvgPool2d: padding {SpatialInput.Repr(this.padding)} should be at most half of the kernel size {SpatialInput.Repr(this.kernel_size)}.");
        this.ceil_mode = ceil_mode;
        this.count_include_pad = count_include_pad;
        this.divisor_override = divisor_override;
    }

    public long[] kernel_size { get; }

    public long[] stride { get; }

    public long[] padding { get; }

    public bool ceil_mode { get; }

    /// <summary>Whether padded zeros count in a border window's divisor (PyTorch's default) or only real pixels do.</summary>
    public bool count_include_pad { get; }

    public long? divisor_override { get; }

    public override Tensor forward(Tensor input)
    {
        SpatialInput.Check(input, $"AvgPool2d(kernel_size={SpatialInput.Repr(kernel_size)})");
        return nn.functional.avg_pool2d(input, kernel_size, stride, padding, count_include_pad);
    }

    public override string extra_repr() =>
        $"kernel_size={SpatialInput.Repr(kernel_size)}, stride={SpatialInput.Repr(stride)}, padding={SpatialInput.Repr(padding)}";
}
