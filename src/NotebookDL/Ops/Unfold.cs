using NotebookDL.Kernels;

namespace NotebookDL.Ops;

/// <summary>
/// im2col as a tensor op (torch.nn.functional.unfold): [N, C, H, W] → [N, C·kH·kW, L], each column one sliding
/// window's values in (channel, kernel row, kernel column) order, L the number of windows. Backward is the
/// adjoint, fold: every column entry's gradient is added back onto the pixel it was read from.
/// </summary>
internal sealed class UnfoldFunction : GradFn
{
    private Conv2dGeometry geo;

    public override string name() => "Im2ColBackward0";

    public static Tensor Apply(Tensor input, (long h, long w) kernel, (long h, long w) dilation, (long h, long w) padding, (long h, long w) stride)
    {
        Elementwise.RequireFloat(input, "unfold");
        if (input.Shape.Length is not (3 or 4))
            throw new ArgumentException($"unfold: expected a 3-D [C, H, W] or 4-D [N, C, H, W] input but got {Shapes.Format(input.Shape)}.");
        if (kernel.h < 1 || kernel.w < 1 || dilation.h < 1 || dilation.w < 1 || stride.h < 1 || stride.w < 1 || padding.h < 0 || padding.w < 0)
            throw new ArgumentException($"unfold: kernel size, dilation and stride must be positive and padding non-negative, got kernel {kernel}, dilation {dilation}, padding {padding}, stride {stride}.");
        var x = input.contiguous();
        var s = x.Shape;
        long batch = s.Length == 4 ? s[0] : 1, channels = s[^3], height = s[^2], width = s[^1];
        long outH = (height + 2 * padding.h - dilation.h * (kernel.h - 1) - 1) / stride.h + 1;
        long outW = (width + 2 * padding.w - dilation.w * (kernel.w - 1) - 1) / stride.w + 1;
        if (outH < 1 || outW < 1)
            throw new ArgumentException($"unfold: kernel {kernel} with dilation {dilation} does not fit the padded input {height + 2 * padding.h}x{width + 2 * padding.w} (input {Shapes.Format(s)}).");
        var total = batch * channels * kernel.h * kernel.w * outH * outW;
        if (total > Array.MaxLength)
            throw new ArgumentException($"unfold: input {Shapes.Format(s)} with kernel {kernel} gives {total:N0} values, more than one tensor can hold; unfold fewer images at a time.");
        var options = new Conv2dOptions((int)stride.h, (int)stride.w, (int)padding.h, (int)padding.h, (int)padding.w, (int)padding.w, (int)dilation.h, (int)dilation.w);
        var geo = new Conv2dGeometry((int)batch, (int)channels, (int)height, (int)width, 0, (int)kernel.h, (int)kernel.w, options, (int)outH, (int)outW, 1);
        var output = GC.AllocateUninitializedArray<float>((int)total);
        var (data, offset) = (x.FloatData, (int)x.Offset);
        WorkerPool.For(geo.Batch, n =>
            geo.Unfold(data.AsSpan(offset + n * geo.ImageSize, geo.ImageSize), output.AsSpan(n * geo.ColsSize, geo.ColsSize), geo.OutSize));
        long[] shape = s.Length == 4 ? [batch, geo.Patch, geo.OutSize] : [geo.Patch, geo.OutSize];
        var fn = new UnfoldFunction { geo = geo };
        return fn.Record(new Tensor(output, shape), x);
    }

    internal override Tensor?[] Backward(Tensor gradOutput)
    {
        var g = gradOutput.contiguous();
        var (data, offset) = (g.FloatData, (int)g.Offset);
        var dx = new float[geo.Batch * geo.ImageSize];
        var geometry = geo;
        WorkerPool.For(geometry.Batch, n =>
            geometry.FoldAdd(data.AsSpan(offset + n * geometry.ColsSize, geometry.ColsSize), dx.AsSpan(n * geometry.ImageSize, geometry.ImageSize), geometry.OutSize));
        long[] shape = gradOutput.Shape.Length == 3 ? [geo.Batch, geo.Channels, geo.Height, geo.Width] : [geo.Channels, geo.Height, geo.Width];
        return [new Tensor(dx, shape)];
    }
}
