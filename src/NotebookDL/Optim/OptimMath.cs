using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace NotebookDL.Modules;

/// <summary>
/// The fused tensor ops PyTorch's update rules are written in, over spans. Each keeps PyTorch's
/// float32 evaluation order (e.g. addcmul is self + (value·t1)·t2) so trajectories match to rounding.
/// </summary>
internal static class OptimMath
{
    /// <summary>buf = buf·scale + alpha·x (buf.mul_(scale).add_(x, alpha=alpha)).</summary>
    public static void MulAdd(Span<float> buf, float scale, ReadOnlySpan<float> x, float alpha)
    {
        if (scale != 1) TensorPrimitives.Multiply(buf, scale, buf);
        TensorPrimitives.MultiplyAdd(x, alpha, buf, buf);
    }

    /// <summary>buf = buf·scale + (value·x)·y (buf.mul_(scale).addcmul_(x, y, value=value)).</summary>
    public static void MulAddCMul(Span<float> buf, float scale, ReadOnlySpan<float> x, ReadOnlySpan<float> y, float value, Span<float> tmp)
    {
        if (scale != 1) TensorPrimitives.Multiply(buf, scale, buf);
        if (value == 1)
        {
            TensorPrimitives.MultiplyAdd(x, y, buf, buf);
            return;
        }
        TensorPrimitives.Multiply(x, value, tmp);
        TensorPrimitives.MultiplyAdd(tmp, y, buf, buf);
    }

    /// <summary>self = self + (value·t1)/t2 (self.addcdiv_(t1, t2, value=value)).</summary>
    public static void AddCDiv(Span<float> self, ReadOnlySpan<float> t1, ReadOnlySpan<float> t2, float value, Span<float> tmp)
    {
        if (value == 1) t1.CopyTo(tmp);
        else TensorPrimitives.Multiply(t1, value, tmp);
        TensorPrimitives.Divide(tmp, t2, tmp);
        TensorPrimitives.Add(self, tmp, self);
    }

    /// <summary>
    /// RMSprop without momentum or centering in one pass (the common case is memory-bound, so one pass
    /// instead of five matters): square_avg = square_avg·α + ((1−α)·g)·g; param += (−lr·g) / (√square_avg + ε),
    /// in the same float32 operation order as the separate PyTorch ops, so the results are identical.
    /// </summary>
    public static void RmsPropPlain(Span<float> param, ReadOnlySpan<float> g, Span<float> squareAvg, float alpha, float eps, float lr)
    {
        float oneMinusAlpha = 1 - alpha, negLr = -lr;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var (va, vc, ve, vl) = (Vector512.Create(alpha), Vector512.Create(oneMinusAlpha), Vector512.Create(eps), Vector512.Create(negLr));
            for (; i <= g.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var gi = Vector512.Create(g.Slice(i, Vector512<float>.Count));
                var s = Vector512.Create((ReadOnlySpan<float>)squareAvg.Slice(i, Vector512<float>.Count)) * va + gi * vc * gi;
                s.CopyTo(squareAvg.Slice(i));
                var update = gi * vl / (Vector512.Sqrt(s) + ve);
                (Vector512.Create((ReadOnlySpan<float>)param.Slice(i, Vector512<float>.Count)) + update).CopyTo(param.Slice(i));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var (va, vc, ve, vl) = (Vector256.Create(alpha), Vector256.Create(oneMinusAlpha), Vector256.Create(eps), Vector256.Create(negLr));
            for (; i <= g.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var gi = Vector256.Create(g.Slice(i, Vector256<float>.Count));
                var s = Vector256.Create((ReadOnlySpan<float>)squareAvg.Slice(i, Vector256<float>.Count)) * va + gi * vc * gi;
                s.CopyTo(squareAvg.Slice(i));
                var update = gi * vl / (Vector256.Sqrt(s) + ve);
                (Vector256.Create((ReadOnlySpan<float>)param.Slice(i, Vector256<float>.Count)) + update).CopyTo(param.Slice(i));
            }
        }
        for (; i < g.Length; i++)
        {
            var s = squareAvg[i] * alpha + g[i] * oneMinusAlpha * g[i];
            squareAvg[i] = s;
            param[i] += g[i] * negLr / (MathF.Sqrt(s) + eps);
        }
    }
}
