using System.Buffers;
using System.Numerics.Tensors;
using NotebookDL.Kernels;

namespace NotebookDL.Ops;

/// <summary>Stride, per-side zero padding and dilation of a 2-D convolution.</summary>
internal readonly record struct Conv2dOptions(int StrideH, int StrideW, int PadTop, int PadBottom, int PadLeft, int PadRight, int DilationH, int DilationW);

/// <summary>
/// 2-D cross-correlation (groups = 1) lowered to im2col + GEMM over groups of images (see <see cref="Conv2dGeometry"/>):
/// Y_g = W·cols_g (+ b), with W viewed as [O, C·kH·kW] and cols_g the group's columns side by side.
/// Backward: dX_g = fold(Wᵀ·dY_g), dW = Σ_g dY_g·cols_gᵀ, db = Σ dY over N, H, W.
/// A 3-D [C, H, W] input is treated as a batch of one and keeps its rank.
/// </summary>
internal sealed class Conv2dFunction : GradFn
{
    /// <summary>
    /// Forward's columns are kept for dW up to this many floats (64 MiB by default); beyond that backward re-unfolds,
    /// which costs a copy, not a GEMM. Settable so tests can exercise both paths.
    /// </summary>
    internal static long SavedColsLimit { get; set; } = 1L << 24;

    private Conv2dGeometry geo;
    private bool colsSaved;

    public override string name() => "ConvolutionBackward0";

    public static Tensor Apply(Tensor input, Tensor weight, Tensor? bias, Conv2dOptions options)
    {
        var geo = Measure(input, weight, bias, options);
        var x = input.contiguous();
        var w = weight.contiguous();
        var b = bias?.contiguous();
        var tracking = torch.autograd.GradMode.IsEnabled && (x.requires_grad || w.requires_grad || b?.requires_grad == true);
        var keepCols = tracking && w.requires_grad && (long)geo.Batch * geo.ColsSize <= SavedColsLimit;

        var output = GC.AllocateUninitializedArray<float>(geo.Batch * geo.OutImageSize);
        // Saved columns are laid out group after group, each group's block [Patch, count·OutSize].
        var cols = keepCols ? GC.AllocateUninitializedArray<float>(geo.Batch * geo.ColsSize) : null;
        var bData = b?.FloatSpan().ToArray();
        WorkerPool.For(geo.Groups, j => ForwardGroup(geo, j, x.FloatData, (int)x.Offset, w.FloatData, (int)w.Offset, bData, output, cols));

        long[] outShape = x.Shape.Length == 4 ? [geo.Batch, geo.OutChannels, geo.OutH, geo.OutW] : [geo.OutChannels, geo.OutH, geo.OutW];
        var fn = new Conv2dFunction { geo = geo, colsSaved = cols is not null };
        var y = fn.Record(new Tensor(output, outShape), x, w, b);
        if (y.grad_fn == fn) fn.Save(x.detach(), w.detach(), cols is null ? null : new Tensor(cols, [cols.Length]));
        return y;
    }

    private static void ForwardGroup(Conv2dGeometry geo, int j, float[] x, int xOffset, float[] w, int wOffset, float[]? bias, float[] output, float[]? savedCols)
    {
        var (first, count) = geo.Group(j);
        var width = count * geo.OutSize;
        var rentedCols = savedCols is null ? ArrayPool<float>.Shared.Rent(count * geo.ColsSize) : null;
        // One image writes its [O, OutSize] result in place; a group's [O, count·OutSize] product is scattered after.
        var rentedY = count > 1 ? ArrayPool<float>.Shared.Rent(geo.OutChannels * width) : null;
        try
        {
            var cols = savedCols is not null ? savedCols.AsSpan(first * geo.ColsSize, count * geo.ColsSize) : rentedCols.AsSpan(0, count * geo.ColsSize);
            geo.UnfoldGroup(x, xOffset, first, count, cols);
            var y = rentedY is not null ? rentedY.AsSpan(0, geo.OutChannels * width) : output.AsSpan(first * geo.OutImageSize, geo.OutImageSize);
            Gemm.Multiply(w.AsSpan(wOffset, geo.WeightSize), cols, y, geo.OutChannels, width, geo.Patch);
            for (int g = 0; g < count; g++)
                for (int o = 0; o < geo.OutChannels; o++)
                {
                    var target = output.AsSpan((first + g) * geo.OutImageSize + o * geo.OutSize, geo.OutSize);
                    if (rentedY is not null) y.Slice(o * width + g * geo.OutSize, geo.OutSize).CopyTo(target);
                    if (bias is not null) TensorPrimitives.Add(target, bias[o], target);
                }
        }
        finally
        {
            if (rentedCols is not null) ArrayPool<float>.Shared.Return(rentedCols);
            if (rentedY is not null) ArrayPool<float>.Shared.Return(rentedY);
        }
    }

    internal override Tensor?[] Backward(Tensor gradOutput)
    {
        var x = Saved(0);
        var w = Saved(1);
        var needInput = Inputs[0]?.requires_grad == true;
        var needWeight = Inputs[1]?.requires_grad == true;
        var needBias = Inputs.Length > 2 && Inputs[2]?.requires_grad == true;
        var dy = gradOutput.contiguous();
        var (dyData, dyOffset) = (dy.FloatData, (int)dy.Offset);

        var dx = needInput ? new float[geo.Batch * geo.ImageSize] : null;
        var dw = needWeight ? new float[geo.WeightSize] : null;
        if ((needInput || needWeight) && geo.Batch > 0)
        {
            var cols = colsSaved ? Saved(2).FloatData : null;
            var transposed = needWeight && TransposedWeightGradPays(geo.OutChannels, geo.Patch);
            // dW sums over groups, so each chunk of groups owns a partial sum; chunk 0 writes straight into dw unless it computes dWᵀ.
            var chunks = Math.Min(geo.Groups, WorkerPool.NumThreads);
            var partials = new float[chunks][];
            if (dw is not null)
                for (int c = 0; c < chunks; c++) partials[c] = c == 0 && !transposed ? dw : ArrayPool<float>.Shared.Rent(geo.WeightSize);
            var job = new Conv2dBackwardJob(geo, x.FloatData, (int)x.Offset, w.FloatData, (int)w.Offset, dyData, dyOffset, cols, dx,
                dw is null ? null : partials, transposed, chunks);
            WorkerPool.For(chunks, job.RunChunk);
            if (dw is not null) ReduceWeightGrad(partials, transposed, dw);
        }

        return
        [
            dx is null ? null : new Tensor(dx, x.Shape),
            dw is null ? null : new Tensor(dw, w.Shape),
            needBias ? new Tensor(BiasGrad(dyData, dyOffset), [geo.OutChannels]) : null,
        ];
    }

    /// <summary>
    /// The micro-kernel always computes whole register tiles, so a small dW such as 16×12 wastes most of each tile;
    /// dWᵀ (K×O) can fill the tiles far better, and transposing the result back costs nothing next to the GEMMs.
    /// </summary>
    private static bool TransposedWeightGradPays(int outChannels, int patch)
    {
        static double Fill(int m, int n) =>
            (double)m / RoundUp(m, GemmBlocking.TileRows) * n / RoundUp(n, GemmBlocking.TileCols);
        static int RoundUp(int value, int tile) => (value + tile - 1) / tile * tile;
        return GemmBlocking.IsVectorized && Fill(patch, outChannels) > 1.25 * Fill(outChannels, patch);
    }

    /// <summary>Adds the chunks' partial sums into dw (transposing dWᵀ back when that is what they hold) and returns the rented buffers.</summary>
    private void ReduceWeightGrad(float[][] partials, bool transposed, float[] dw)
    {
        var size = geo.WeightSize;
        var total = partials[0].AsSpan(0, size);
        for (int c = 1; c < partials.Length; c++) TensorPrimitives.Add(total, partials[c].AsSpan(0, size), total);
        if (transposed)
            for (int p = 0; p < geo.Patch; p++)
                for (int o = 0; o < geo.OutChannels; o++) dw[o * geo.Patch + p] = total[p * geo.OutChannels + o];
        for (int c = 0; c < partials.Length; c++)
            if (!ReferenceEquals(partials[c], dw)) ArrayPool<float>.Shared.Return(partials[c]);
    }

    private float[] BiasGrad(float[] dy, int offset)
    {
        var db = new float[geo.OutChannels];
        for (int n = 0; n < geo.Batch; n++)
            for (int o = 0; o < geo.OutChannels; o++)
                db[o] += TensorPrimitives.Sum(dy.AsSpan(offset + n * geo.OutImageSize + o * geo.OutSize, geo.OutSize));
        return db;
    }

    private static Conv2dGeometry Measure(Tensor input, Tensor weight, Tensor? bias, Conv2dOptions o)
    {
        Elementwise.RequireFloat(input, "conv2d");
        Elementwise.RequireFloat(weight, "conv2d");
        var xs = input.Shape;
        var ws = weight.Shape;
        if (xs.Length is not (3 or 4))
            throw new ArgumentException($"conv2d: expected a 3-D [C, H, W] or 4-D [N, C, H, W] input but got input {Shapes.Format(xs)}.");
        if (ws.Length != 4)
            throw new ArgumentException($"conv2d: expected a 4-D weight [out_channels, in_channels, kH, kW] but got weight {Shapes.Format(ws)}.");
        if (xs[^3] != ws[1])
            throw new ArgumentException($"conv2d: expected input with {ws[1]} channels (weight {Shapes.Format(ws)}) but got input {Shapes.Format(xs)}");
        if (bias is not null)
        {
            Elementwise.RequireFloat(bias, "conv2d");
            if (bias.Shape.Length != 1 || bias.Shape[0] != ws[0])
                throw new ArgumentException($"conv2d: expected bias of shape [{ws[0]}] (one per output channel of weight {Shapes.Format(ws)}) but got bias {Shapes.Format(bias.Shape)}.");
        }
        if (ws[2] < 1 || ws[3] < 1)
            throw new ArgumentException($"conv2d: kernel size must be positive but got weight {Shapes.Format(ws)}.");
        if (o.StrideH < 1 || o.StrideW < 1 || o.DilationH < 1 || o.DilationW < 1 || o.PadTop < 0 || o.PadBottom < 0 || o.PadLeft < 0 || o.PadRight < 0)
            throw new ArgumentException($"conv2d: stride and dilation must be positive and padding non-negative but got {o}.");

        long height = xs[^2], width = xs[^1];
        long spanH = (long)o.DilationH * (ws[2] - 1) + 1, spanW = (long)o.DilationW * (ws[3] - 1) + 1;
        long paddedH = height + o.PadTop + o.PadBottom, paddedW = width + o.PadLeft + o.PadRight;
        if (spanH > paddedH || spanW > paddedW)
            throw new ArgumentException(
                $"conv2d: kernel size {ws[2]}x{ws[3]} (spanning {spanH}x{spanW} with dilation) is larger than the padded input {paddedH}x{paddedW} " +
                $"(input {Shapes.Format(xs)}, padding top/bottom/left/right {o.PadTop}/{o.PadBottom}/{o.PadLeft}/{o.PadRight}).");
        long outH = (paddedH - spanH) / o.StrideH + 1, outW = (paddedW - spanW) / o.StrideW + 1;
        long batch = xs.Length == 4 ? xs[0] : 1;
        long colsPerImage = ws[1] * ws[2] * ws[3] * outH * outW;
        if (batch * ws[0] * outH * outW > int.MaxValue || colsPerImage > int.MaxValue)
            throw new ArgumentException($"conv2d: input {Shapes.Format(xs)} with weight {Shapes.Format(ws)} is too large for one convolution; split the batch.");
        return new Conv2dGeometry((int)batch, (int)ws[1], (int)height, (int)width, (int)ws[0], (int)ws[2], (int)ws[3], o, (int)outH, (int)outW,
            Conv2dGeometry.ChooseGroupSize((int)batch, (int)(outH * outW), (int)(ws[1] * ws[2] * ws[3])));
    }
}
