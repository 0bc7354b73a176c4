namespace NotebookDL.Kernels;

/// <summary>Moves elements between a strided view and contiguous memory, one innermost row at a time.</summary>
internal static class StridedCopy
{
    /// <summary>dst[i] = the i-th element, in row-major order, of the view (src, offset, shape, strides).</summary>
    public static void Gather<T>(T[] src, long offset, ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, Span<T> dst)
    {
        var (inner, innerStride) = InnerRow(shape, strides);
        var rows = RowStarts(shape, strides, offset);
        for (int r = 0; r < rows.Length; r++)
        {
            var pos = rows[r];
            var d = dst.Slice(r * inner, inner);
            if (innerStride == 1) src.AsSpan((int)pos, inner).CopyTo(d);
            else for (int j = 0; j < inner; j++) d[j] = src[pos + j * innerStride];
        }
    }

    /// <summary>The inverse of <see cref="Gather{T}"/>: writes contiguous <paramref name="src"/> into the view.</summary>
    public static void Scatter<T>(ReadOnlySpan<T> src, T[] dst, long offset, ReadOnlySpan<long> shape, ReadOnlySpan<long> strides)
    {
        var (inner, innerStride) = InnerRow(shape, strides);
        var rows = RowStarts(shape, strides, offset);
        for (int r = 0; r < rows.Length; r++)
        {
            var pos = rows[r];
            var s = src.Slice(r * inner, inner);
            if (innerStride == 1) s.CopyTo(dst.AsSpan((int)pos, inner));
            else for (int j = 0; j < inner; j++) dst[pos + j * innerStride] = s[j];
        }
    }

    private static (int inner, long stride) InnerRow(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides) =>
        shape.Length == 0 ? (1, 1) : ((int)shape[^1], strides[^1]);

    /// <summary>Storage positions of the first element of every innermost row, in row-major order.</summary>
    public static long[] RowStarts(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, long offset)
    {
        var rank = shape.Length;
        if (rank == 0) return [offset];
        long rowCount = 1;
        for (int d = 0; d < rank - 1; d++) rowCount *= shape[d];
        if (shape[rank - 1] == 0) rowCount = 0;
        var rows = new long[rowCount];
        Span<long> index = stackalloc long[rank];
        long pos = offset;
        for (long r = 0; r < rowCount; r++)
        {
            rows[r] = pos;
            for (int d = rank - 2; d >= 0; d--)
            {
                pos += strides[d];
                if (++index[d] < shape[d]) break;
                pos -= strides[d] * shape[d];
                index[d] = 0;
            }
        }
        return rows;
    }
}
