namespace NotebookDL;

/// <summary>Builds a batch tensor by copying whole rows of a contiguous tensor into one new buffer.</summary>
internal static class RowCopy
{
    /// <summary>rows[indices] of a contiguous tensor whose rows hold <paramref name="rowSize"/> elements each.</summary>
    public static Tensor Gather(Tensor source, long rowSize, ReadOnlySpan<long> indices)
    {
        var shape = (long[])source.Shape.Clone();
        shape[0] = indices.Length;
        var row = (int)rowSize;
        var offset = (int)source.Offset;
        if (source.Storage is LongStorage longs)
        {
            var data = TensorMemory.Allocate<long>(shape, "index");
            for (int i = 0; i < indices.Length; i++)
                longs.Data.AsSpan(offset + (int)indices[i] * row, row).CopyTo(data.AsSpan(i * row, row));
            return new Tensor(data, shape);
        }
        var floats = ((FloatStorage)source.Storage).Data;
        var result = TensorMemory.Allocate<float>(shape, "index");
        for (int i = 0; i < indices.Length; i++)
            floats.AsSpan(offset + (int)indices[i] * row, row).CopyTo(result.AsSpan(i * row, row));
        return new Tensor(result, shape, source.dtype);
    }
}
