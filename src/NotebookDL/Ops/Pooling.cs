using NotebookDL.Kernels;

namespace NotebookDL.Ops;

/// <summary>
/// The window grid of a 2-D pooling op over the last two dims of a [C, H, W] or [N, C, H, W] input,
/// which is handled as Planes = N·C independent H×W planes.
/// </summary>
internal sealed class Pool2dPlan(long[] inputShape, PoolAxis rows, PoolAxis cols, bool tiles2x2 = false)
{
    // Below this many input elements a thread hand-off costs more than the second core saves.
    private const long ParallelThreshold = 1 << 15;

    public long[] InputShape => inputShape;
    public PoolAxis Rows => rows;
    public PoolAxis Cols => cols;
    public int Height => (int)inputShape[^2];
    public int Width => (int)inputShape[^1];
    public int Planes => (int)Shapes.Numel(inputShape.AsSpan(0, inputShape.Length - 2));
    public int InPlane => Height * Width;
    public int OutPlane => rows.Count * cols.Count;
    public long[] OutputShape => [.. inputShape[..^2], rows.Count, cols.Count];

    /// <summary>Kernel 2, stride 2, no padding: disjoint 2×2 tiles (an odd last row or column is dropped), the CNNs' pooling, which has a fast path.</summary>
    public bool Tiles2x2 => tiles2x2;

    /// <summary>max_pool2d / avg_pool2d: kernel [k] or [kH, kW]; stride defaults to the kernel; padding at most half the kernel.</summary>
    public static Pool2dPlan Sliding(Tensor input, long[] kernelSize, long[]? strides, long[]? padding, bool countIncludePad, string op)
    {
        CheckInput(input, op);
        ArgumentNullException.ThrowIfNull(kernelSize);
        if (kernelSize.Length == 0)
            throw new ArgumentException($"{op}: kernel_size must be [k] or [kH, kW] but got [].");
        var (kh, kw) = Window2d.Pair(kernelSize, 1, "kernel_size", op, 1);
        var (sh, sw) = strides is null || strides.Length == 0 ? (kh, kw) : Window2d.Pair(strides, 1, "stride", op, 1);
        var (ph, pw) = Window2d.Pair(padding, 0, "padding", op, 0);
        if (ph > kh / 2 || pw > kw / 2)
            throw new ArgumentException($"{op}: padding [{ph}, {pw}] must be at most half the kernel size [{kh}, {kw}].");
        long height = input.Shape[^2], width = input.Shape[^1];
        if (height + 2L * ph < kh || width + 2L * pw < kw)
            throw new ArgumentException(
                $"{op}: kernel size [{kh}, {kw}] is larger than the padded input {height + 2L * ph}x{width + 2L * pw} (input {Shapes.Format(input.Shape)}, padding [{ph}, {pw}]).");
        int outH = (int)((height + 2L * ph - kh) / sh + 1), outW = (int)((width + 2L * pw - kw) / sw + 1);
        return new Pool2dPlan(input.Shape,
            PoolAxis.Sliding((int)height, kh, sh, ph, outH, countIncludePad),
            PoolAxis.Sliding((int)width, kw, sw, pw, outW, countIncludePad),
            kh == 2 && kw == 2 && sh == 2 && sw == 2 && ph == 0 && pw == 0);
    }

    /// <summary>adaptive_avg_pool2d: output size [s] or [sH, sW].</summary>
    public static Pool2dPlan Adaptive(Tensor input, long[] outputSize, string op)
    {
        CheckInput(input, op);
        ArgumentNullException.ThrowIfNull(outputSize);
        if (outputSize.Length == 0)
            throw new ArgumentException($"{op}: output_size must be [s] or [sH, sW] but got [].");
        var (oh, ow) = Window2d.Pair(outputSize, 1, "output_size", op, 1);
        return new Pool2dPlan(input.Shape, PoolAxis.Adaptive((int)input.Shape[^2], oh), PoolAxis.Adaptive((int)input.Shape[^1], ow));
    }

    /// <summary>Runs body(plane) for every plane, on the worker pool when the input is big enough to pay for it.</summary>
    public void ForPlanes(Action<int> body)
    {
        if ((long)Planes * InPlane < ParallelThreshold)
            for (int p = 0; p < Planes; p++) body(p);
        else
            WorkerPool.For(Planes, body);
    }

    private static void CheckInput(Tensor input, string op)
    {
        ArgumentNullException.ThrowIfNull(input);
        Elementwise.RequireFloat(input, op);
        if (input.Shape.Length is not (3 or 4))
            throw new ArgumentException($"{op}: expected a 3-D [C, H, W] or 4-D [N, C, H, W] input but got input {Shapes.Format(input.Shape)}.");
        if (input.Shape[^1] == 0 || input.Shape[^2] == 0)
            throw new ArgumentException($"{op}: expected an input with non-empty height and width but got input {Shapes.Format(input.Shape)}.");
    }
}
