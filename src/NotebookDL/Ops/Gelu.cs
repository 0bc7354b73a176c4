using System.Numerics.Tensors;
using NotebookDL.Kernels;

namespace NotebookDL.Ops;

/// <summary>
/// GELU(x) = x·Φ(x) with Φ the standard normal CDF; d/dx = Φ(x) + x·φ(x). A primitive because Φ needs
/// erf, which has no TensorPrimitives kernel; both passes run in parallel blocks of the flat data.
/// </summary>
internal sealed class GeluFunction : GradFn
{
    // Backward works through the data in pieces this long, so x, φ and the slope stay in L1 together.
    private const int SlopeChunk = 1024;

    public static Tensor Apply(Tensor x)
    {
        var input = Elementwise.RequireFloat(x, "gelu").contiguous();
        var (source, offset) = (input.FloatData, (int)input.Offset);
        var output = GC.AllocateUninitializedArray<float>(checked((int)input.Count));
        ParallelSpans.For(output.Length, (start, length) =>
        {
            var xs = source.AsSpan(offset + start, length);
            var ys = output.AsSpan(start, length);
            NormalCdf.Evaluate(xs, ys, default);
            TensorPrimitives.Multiply(xs, ys, ys);
        });
        var fn = new GeluFunction();
        var y = fn.Record(new Tensor(output, input.shape), x);
        if (y.grad_fn == fn) fn.Save(input);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var x = Saved(0);
        var grad = g.contiguous();
        var (xData, xOffset) = (x.FloatData, (int)x.Offset);
        var (gData, gOffset) = (grad.FloatData, (int)grad.Offset);
        var dx = GC.AllocateUninitializedArray<float>(checked((int)x.Count));
        ParallelSpans.For(dx.Length, (start, length) =>
        {
            Span<float> pdf = stackalloc float[SlopeChunk];
            for (int at = start; at < start + length; at += SlopeChunk)
            {
                int n = Math.Min(SlopeChunk, start + length - at);
                var xs = xData.AsSpan(xOffset + at, n);
                var slope = dx.AsSpan(at, n);
                NormalCdf.Evaluate(xs, slope, pdf[..n]);
                TensorPrimitives.MultiplyAdd(xs, pdf[..n], slope, slope); // Φ + x·φ
                TensorPrimitives.Multiply(slope, gData.AsSpan(gOffset + at, n), slope);
            }
        });
        return [new Tensor(dx, x.shape)];
    }

    /// <summary>Complementary error function by a Chebyshev fit with relative error below 1.2e-7 everywhere.</summary>
    internal static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
                   t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        var r = t * Math.Exp(poly);
        return x >= 0 ? r : 2 - r;
    }
}
