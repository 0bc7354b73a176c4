namespace NotebookDL.Kernels;

/// <summary>
/// Drives a binary operator over two strided, broadcast operands into contiguous output: it coalesces
/// dims, then hands each innermost row to the operator's span form (vector·vector, vector·scalar, ...).
/// </summary>
internal static class Broadcast
{
    public readonly record struct Operand(float[] Data, long Offset, long[] Strides);

    public static void Run<TOp>(Operand a, Operand b, long[] outShape, Span<float> dst) where TOp : struct, IBinaryOperator<TOp>
    {
        var (shape, sa, sb) = Coalesce(outShape, a.Strides, b.Strides);
        var inner = shape.Length == 0 ? 1 : (int)shape[^1];
        var ia = shape.Length == 0 ? 0 : sa[^1];
        var ib = shape.Length == 0 ? 0 : sb[^1];
        var rowsA = StridedCopy.RowStarts(shape, sa, a.Offset);
        var rowsB = StridedCopy.RowStarts(shape, sb, b.Offset);
        float[]? scratchA = ia > 1 ? new float[inner] : null;
        float[]? scratchB = ib > 1 ? new float[inner] : null;
        for (int r = 0; r < rowsA.Length; r++)
        {
            var d = dst.Slice(r * inner, inner);
            if (ia == 0 && ib == 0)
            {
                d.Fill((float)TOp.Scalar(a.Data[rowsA[r]], b.Data[rowsB[r]]));
                continue;
            }
            if (ia == 0) TOp.SV(a.Data[rowsA[r]], Row(b.Data, rowsB[r], ib, inner, scratchB), d);
            else if (ib == 0) TOp.VS(Row(a.Data, rowsA[r], ia, inner, scratchA), b.Data[rowsB[r]], d);
            else TOp.VV(Row(a.Data, rowsA[r], ia, inner, scratchA), Row(b.Data, rowsB[r], ib, inner, scratchB), d);
        }
    }

    /// <summary>The same walk for operands of any element type, evaluated in double (float with integer or bool tensors).</summary>
    public static void RunScalar<TOp>(Func<long, double> readA, long[] stridesA, long offsetA, Func<long, double> readB, long[] stridesB, long offsetB,
        long[] outShape, Action<int, double> write) where TOp : struct, IBinaryOperator<TOp> =>
        Walk(readA, stridesA, offsetA, readB, stridesB, offsetB, outShape, TOp.Scalar, write);

    /// <summary>The same walk in 64-bit integers, for int64 and bool operands.</summary>
    public static void RunExact<TOp>(Func<long, long> readA, long[] stridesA, long offsetA, Func<long, long> readB, long[] stridesB, long offsetB,
        long[] outShape, Action<int, long> write) where TOp : struct, IBinaryOperator<TOp> =>
        Walk(readA, stridesA, offsetA, readB, stridesB, offsetB, outShape, TOp.Exact, write);

    private static void Walk<T>(Func<long, T> readA, long[] stridesA, long offsetA, Func<long, T> readB, long[] stridesB, long offsetB,
        long[] outShape, Func<T, T, T> op, Action<int, T> write)
    {
        var (shape, sa, sb) = Coalesce(outShape, stridesA, stridesB);
        var inner = shape.Length == 0 ? 1 : (int)shape[^1];
        var ia = shape.Length == 0 ? 0 : sa[^1];
        var ib = shape.Length == 0 ? 0 : sb[^1];
        var rowsA = StridedCopy.RowStarts(shape, sa, offsetA);
        var rowsB = StridedCopy.RowStarts(shape, sb, offsetB);
        for (int r = 0; r < rowsA.Length; r++)
            for (int j = 0; j < inner; j++)
                write(r * inner + j, op(readA(rowsA[r] + j * ia), readB(rowsB[r] + j * ib)));
    }

    private static ReadOnlySpan<float> Row(float[] data, long start, long stride, int length, float[]? scratch)
    {
        if (stride == 1) return data.AsSpan((int)start, length);
        for (int j = 0; j < length; j++) scratch![j] = data[start + j * stride];
        return scratch;
    }

    /// <summary>Merges neighbouring dims that both operands walk contiguously, so inner rows are as long as possible.</summary>
    internal static (long[] shape, long[] sa, long[] sb) Coalesce(long[] shape, long[] sa, long[] sb)
    {
        var s = new List<long>(); var a = new List<long>(); var b = new List<long>();
        for (int d = 0; d < shape.Length; d++)
        {
            if (shape[d] == 1) continue;
            if (s.Count > 0 && a[^1] == sa[d] * shape[d] && b[^1] == sb[d] * shape[d])
            {
                s[^1] *= shape[d];
                a[^1] = sa[d];
                b[^1] = sb[d];
                continue;
            }
            s.Add(shape[d]); a.Add(sa[d]); b.Add(sb[d]);
        }
        if (s.Count == 0 && shape.Length > 0) { s.Add(1); a.Add(0); b.Add(0); }
        return (s.ToArray(), a.ToArray(), b.ToArray());
    }
}
