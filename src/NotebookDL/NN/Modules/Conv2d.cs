using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// 2-D convolution over [N, C_in, H, W] images with weight [C_out, C_in, kH, kW]. Initialized as PyTorch does:
/// weight and bias uniform in ±1/√(C_in·kH·kW). Padding is a size per side, or Padding.Same / Padding.Valid.
/// </summary>
public sealed class Conv2d : nn.Module<Tensor, Tensor>
{
    internal Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long) stride, (long, long)? padding, Padding? padding_type,
        (long, long) dilation, long groups = 1, bool bias = true, PaddingModes padding_mode = PaddingModes.Zeros, Device? device = null, ScalarType? dtype = null)
        : base(nameof(Conv2d))
    {
        if (in_channels <= 0 || out_channels <= 0)
            throw new ArgumentException($"Conv2d: in_channels and out_channels must be positive, got in_channels={in_channels}, out_channels={out_channels}.");
        if (groups != 1) throw new NotSupportedException($"Conv2d: groups={groups} is not supported; NotebookDL implements groups=1 only.");
        if (padding_mode != PaddingModes.Zeros) throw new NotSupportedException($"Conv2d: padding_mode={padding_mode} is not supported; NotebookDL pads with zeros only.");
        Linear.CheckFloat32(dtype, nameof(Conv2d));
        this.kernel_size = SpatialInput.Sizes([kernel_size.Item1, kernel_size.Item2], nameof(Conv2d), "kernel_size", 1);
        this.stride = SpatialInput.Sizes([stride.Item1, stride.Item2], nameof(Conv2d), "stride", 1);
        this.dilation = SpatialInput.Sizes([dilation.Item1, dilation.Item2], nameof(Conv2d), "dilation", 1);
        this.padding = padding is { } p ? SpatialInput.Sizes([p.Item1, p.Item2], nameof(Conv2d), "padding", 0) : null;
        this.padding_type = padding_type;
        if (padding_type == Padding.Same && this.stride.Any(s => s != 1))
            throw new ArgumentException($"Conv2d: padding=same is not supported for strided convolutions (stride {PyRepr(this.stride)}); pad explicitly instead.");
        this.in_channels = in_channels;
        this.out_channels = out_channels;
        this.groups = groups;
        this.padding_mode = padding_mode;

        weight = new Parameter(empty([out_channels, in_channels, this.kernel_size[0], this.kernel_size[1]], device: device));
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (bias)
        {
            this.bias = new Parameter(empty([out_channels], device: device));
            var bound = 1 / Math.Sqrt(nn.init.CalculateFanInAndFanOut(weight).fanIn);
            nn.init.uniform_(this.bias, -bound, bound);
        }
    }

    public long in_channels { get; }

    public long out_channels { get; }

    public long[] kernel_size { get; }

    public long[] stride { get; }

    /// <summary>Zeros added on each side [pH, pW]; null when <see cref="padding_type"/> decides instead.</summary>
    public long[]? padding { get; }

    public Padding? padding_type { get; }

    public long[] dilation { get; }

    public long groups { get; }

    public PaddingModes padding_mode { get; }

    public Parameter weight
    {
        get => field!;
        set { field = value ?? throw new ArgumentNullException(nameof(value), "Conv2d.weight cannot be null."); ConditionallyRegisterParameter(nameof(weight), value); }
    }

    public Parameter? bias
    {
        get;
        set { field = value; ConditionallyRegisterParameter(nameof(bias), value); }
    }

    public override Tensor forward(Tensor input)
    {
        SpatialInput.Check(input, Describe(), in_channels);
        if (padding_type == Padding.Same) return nn.functional.conv2d_same(input, weight, bias, dilation);
        var pad = padding ?? [0, 0];
        for (int d = 0; d < 2; d++)
        {
            var size = input.Shape[^(2 - d)] + 2 * pad[d];
            var span = dilation[d] * (kernel_size[d] - 1) + 1;
            if (size < span)
                throw new ArgumentException(
                    $"{Describe()}: the input {Shapes.Format(input.Shape)} is {size} pixels {(d == 0 ? "high" : "wide")} after padding, smaller than the {span}-pixel kernel window. " +
                    "Earlier layers shrink the image too much; pad more, or use fewer/smaller pooling steps.");
        }
        return nn.functional.conv2d(input, weight, bias, stride, pad, dilation);
    }

    private string Describe() => $"Conv2d({in_channels}, {out_channels}, kernel_size={PyRepr(kernel_size)})";

    public override string extra_repr()
    {
        var text = $"{in_channels}, {out_channels}, kernel_size={PyRepr(kernel_size)}, stride={PyRepr(stride)}";
        if (padding_type is { } kind) text += $", padding={kind.ToString().ToLowerInvariant()}";
        else if (padding!.Any(p => p != 0)) text += $", padding={PyRepr(padding!)}";
        if (dilation.Any(d => d != 1)) text += $", dilation={PyRepr(dilation)}";
        if (bias is null) text += ", bias=False";
        return text;
    }
}
