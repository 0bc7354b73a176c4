using System.Numerics;
using System.Numerics.Tensors;

namespace NotebookDL.Kernels;

/// <summary>
/// The standard normal CDF Φ(x) = ½·erfc(−x/√2) and density φ(x) = e^(−x²/2)/√(2π) over spans, in float32
/// TensorPrimitives passes over small stack chunks (they stay in L1). erfc uses the Chebyshev fit of Numerical
/// Recipes (relative error below 1.2e-7): erfc(z) = t·exp(−z² + P(t)), t = 1/(1 + z/2), z ≥ 0.
/// </summary>
internal static class NormalCdf
{
    private const int Chunk = 256;
    private const float InvSqrt2 = 0.70710678118654752f;
    private const float InvSqrt2Pi = 0.39894228040143268f;

    // P(t)'s coefficients, highest power first, for Horner's rule.
    private static readonly float[] Coefficients =
        [0.17087277f, -0.82215223f, 1.48851587f, -1.13520398f, 0.27886807f, -0.18628806f, 0.09678418f, 0.37409196f, 1.00002368f, -1.26551223f];

    /// <summary>Writes Φ(x) to cdf and, when pdf is not empty, φ(x) to pdf.</summary>
    public static void Evaluate(ReadOnlySpan<float> x, Span<float> cdf, Span<float> pdf)
    {
        Span<float> z = stackalloc float[Chunk];
        Span<float> t = stackalloc float[Chunk];
        Span<float> p = stackalloc float[Chunk];
        for (int start = 0; start < x.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, x.Length - start);
            var xs = x.Slice(start, n);
            Span<float> zs = z[..n], ts = t[..n], ps = p[..n];
            TensorPrimitives.Abs(xs, zs);
            TensorPrimitives.Multiply(zs, InvSqrt2, zs);
            TensorPrimitives.Multiply(zs, 0.5f, ts);
            TensorPrimitives.Add(ts, 1f, ts);
            TensorPrimitives.Reciprocal(ts, ts);
            ps.Fill(Coefficients[0]);
            for (int c = 1; c < Coefficients.Length; c++) TensorPrimitives.MultiplyAdd(ps, ts, Coefficients[c], ps);
            TensorPrimitives.Multiply(zs, zs, zs);
            TensorPrimitives.Subtract(ps, zs, ps);
            TensorPrimitives.Exp(ps, ps);
            TensorPrimitives.Multiply(ps, ts, ps); // erfc(|x|/√2)
            FoldSign(xs, ps, cdf.Slice(start, n));
            if (!pdf.IsEmpty)
            {
                var ds = pdf.Slice(start, n);
                TensorPrimitives.Multiply(zs, -1f, ds); // zs holds x²/2
                TensorPrimitives.Exp(ds, ds);
                TensorPrimitives.Multiply(ds, InvSqrt2Pi, ds);
            }
        }
    }

    /// <summary>Φ(x) = 1 − ½·erfc(|x|/√2) for x ≥ 0 and ½·erfc(|x|/√2) below.</summary>
    private static void FoldSign(ReadOnlySpan<float> x, ReadOnlySpan<float> erfcAbs, Span<float> cdf)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var half = new Vector<float>(0.5f);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var h = new Vector<float>(erfcAbs[i..]) * half;
                var negative = Vector.LessThan(new Vector<float>(x[i..]), Vector<float>.Zero);
                Vector.ConditionalSelect(negative, h, Vector<float>.One - h).CopyTo(cdf[i..]);
            }
        }
        for (; i < x.Length; i++) cdf[i] = x[i] < 0 ? 0.5f * erfcAbs[i] : 1 - 0.5f * erfcAbs[i];
    }
}
