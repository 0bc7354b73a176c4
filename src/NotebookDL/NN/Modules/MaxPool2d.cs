using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>The largest value in each kernel_size window of every channel; the stride defaults to the kernel size.</summary>
public sealed class MaxPool2d : ParameterLessModule<Tensor, Tensor>
{
    internal MaxPool2d(long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? dilation = null, bool ceil_mode = false) : base(nameof(MaxPool2d))
    {
        this.kernel_size = SpatialInput.Sizes(kernel_size, nameof(MaxPool2d), "kernel_size", 1);
        this.stride = stride is null ? this.kernel_size : SpatialInput.Sizes(stride, nameof(MaxPool2d), "stride", 1);
        this.padding = padding is null ? [0] : SpatialInput.Sizes(padding, nameof(MaxPool2d), "padding", 0);
        this.dilation = dilation is null ? [1] : SpatialInput.Sizes(dilation, nameof(MaxPool2d), "dilation", 1);
        if (this.dilation.Any(d => d != 1)) throw new NotSupportedException($"MaxPool2d: dilation {Shapes.Format(this.dilation)} is not supported; NotebookDL pools with dilation 1 only.");
        if (ceil_mode) throw new NotSupportedException("MaxPool2d: ceil_mode=true is not supported; NotebookDL rounds the output size down, as the default does.");
        for (int d = 0; d < 2; d++)
            if (this.padding[Math.Min(d, this.padding.Length - 1)] > this.kernel_size[Math.Min(d, this.kernel_size.Length - 1)] / 2)
                throw new ArgumentException($"MaxPool2d: padding {SpatialInput.Repr(this.padding)} should be at most half of the kernel size {SpatialInput.Repr(this.kernel_size)}.");
        this.ceil_mode = ceil_mode;
    }

    public long[] kernel_size { get; }

    public long[] stride { get; }

    public long[] padding { get; }

    public long[] dilation { get; }

    public bool ceil_mode { get; }

    public override Tensor forward(Tensor input)
    {
        SpatialInput.Check(input, $"MaxPool2d(kernel_size={SpatialInput.Repr(kernel_size)})");
        return nn.functional.max_pool2d(input, kernel_size, stride, padding);
    }

    public override string extra_repr() =>
        $"kernel_size={SpatialInput.Repr(kernel_size)}, stride={SpatialInput.Repr(stride)}, padding={SpatialInput.Repr(padding)}, " +
        $"dilation={SpatialInput.Repr(dilation)}, ceil_mode={PyRepr(ceil_mode)}";
}
