using System.Numerics.Tensors;

namespace NotebookDL.Kernels;

/// <summary>
/// An elementwise binary operator. The span forms come from TensorPrimitives where it has the op;
/// <see cref="Scalar"/> serves every other case (integer tensors, comparisons).
/// </summary>
internal interface IBinaryOperator<TSelf> where TSelf : struct, IBinaryOperator<TSelf>
{
    static abstract double Scalar(double x, double y);

    /// <summary>The op on int64 (and bool) operands; a double would round values past 2^53.</summary>
    static virtual long Exact(long x, long y) => (long)TSelf.Scalar(x, y);

    static virtual void VV(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = (float)TSelf.Scalar(x[i], y[i]);
    }

    static virtual void VS(ReadOnlySpan<float> x, float y, Span<float> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = (float)TSelf.Scalar(x[i], y);
    }

    static virtual void SV(float x, ReadOnlySpan<float> y, Span<float> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = (float)TSelf.Scalar(x, y[i]);
    }
}

// Integer Exact forms wrap on overflow (unchecked), as PyTorch's int64 arithmetic does.
internal readonly struct AddOp : IBinaryOperator<AddOp>
{
    public static long Exact(long x, long y) => unchecked(x + y);
    public static double Scalar(double x, double y) => x + y;
    public static void VV(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Add(x, y, d);
    public static void VS(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Add(x, y, d);
    public static void SV(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Add(y, x, d);
}

internal readonly struct SubOp : IBinaryOperator<SubOp>
{
    public static long Exact(long x, long y) => unchecked(x - y);
    public static double Scalar(double x, double y) => x - y;
    public static void VV(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Subtract(x, y, d);
    public static void VS(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Subtract(x, y, d);
    public static void SV(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Subtract(x, y, d);
}

internal readonly struct MulOp : IBinaryOperator<MulOp>
{
    public static long Exact(long x, long y) => unchecked(x * y);
    public static double Scalar(double x, double y) => x * y;
    public static void VV(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Multiply(x, y, d);
    public static void VS(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Multiply(x, y, d);
    public static void SV(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Multiply(y, x, d);
}

internal readonly struct DivOp : IBinaryOperator<DivOp>
{
    public static double Scalar(double x, double y) => x / y;
    public static void VV(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Divide(x, y, d);
    public static void VS(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Divide(x, y, d);
    public static void SV(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Divide(x, y, d);
}

/// <summary>x^y as C's pow: a negative base with an integral exponent is fine, with another exponent NaN.</summary>
internal readonly struct PowOp : IBinaryOperator<PowOp>
{
    public static double Scalar(double x, double y) => Math.Pow(x, y);
    public static void VV(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Pow(x, y, d);
    public static void VS(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Pow(x, y, d);
    public static void SV(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Pow(x, y, d);
}

internal readonly struct MaxOp : IBinaryOperator<MaxOp>
{
    public static long Exact(long x, long y) => Math.Max(x, y);
    public static double Scalar(double x, double y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : Math.Max(x, y);
    public static void VV(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Max(x, y, d);
    public static void VS(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Max(x, y, d);
    public static void SV(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Max(y, x, d);
}

internal readonly struct MinOp : IBinaryOperator<MinOp>
{
    public static long Exact(long x, long y) => Math.Min(x, y);
    public static double Scalar(double x, double y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : Math.Min(x, y);
    public static void VV(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Min(x, y, d);
    public static void VS(ReadOnlySpan<float> x, float y, Span<float> d) => TensorPrimitives.Min(x, y, d);
    public static void SV(float x, ReadOnlySpan<float> y, Span<float> d) => TensorPrimitives.Min(y, x, d);
}

internal readonly struct EqOp : IBinaryOperator<EqOp>
{
    public static long Exact(long x, long y) => x == y ? 1 : 0;
    public static double Scalar(double x, double y) => x == y ? 1 : 0;
}

internal readonly struct NeOp : IBinaryOperator<NeOp>
{
    public static long Exact(long x, long y) => x != y ? 1 : 0;
    public static double Scalar(double x, double y) => x != y ? 1 : 0;
}

internal readonly struct LtOp : IBinaryOperator<LtOp>
{
    public static long Exact(long x, long y) => x < y ? 1 : 0;
    public static double Scalar(double x, double y) => x < y ? 1 : 0;
}

internal readonly struct LeOp : IBinaryOperator<LeOp>
{
    public static long Exact(long x, long y) => x <= y ? 1 : 0;
    public static double Scalar(double x, double y) => x <= y ? 1 : 0;
}

internal readonly struct GtOp : IBinaryOperator<GtOp>
{
    public static long Exact(long x, long y) => x > y ? 1 : 0;
    public static double Scalar(double x, double y) => x > y ? 1 : 0;
}

internal readonly struct GeOp : IBinaryOperator<GeOp>
{
    public static long Exact(long x, long y) => x >= y ? 1 : 0;
    public static double Scalar(double x, double y) => x >= y ? 1 : 0;
}
