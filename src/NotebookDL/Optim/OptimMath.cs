using System.Numerics.Tensors;

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
}
