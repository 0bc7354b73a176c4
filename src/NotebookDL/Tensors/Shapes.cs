namespace NotebookDL;

/// <summary>Shape arithmetic shared by every op: strides, broadcasting, dim wrapping.</summary>
internal static class Shapes
{
    public static string Format(ReadOnlySpan<long> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>The element count in checked 64-bit arithmetic: a product past 2⁶³ is an error naming the shape, never a wrapped count.</summary>
    public static long Numel(ReadOnlySpan<long> shape, string op = "numel")
    {
        long n = 1;
        try
        {
            foreach (var d in shape) n = checked(n * d);
        }
        catch (OverflowException)
        {
            throw new ArgumentException($"{op}: a tensor of shape {Format(shape)} would have more than 2⁶³ elements (the product of its sizes overflows a long).");
        }
        return n;
    }

    /// <summary>
    /// The engine keeps a tensor in one .NET array, so a shape past <see cref="Array.MaxLength"/> elements is refused
    /// by name instead of wrapping around to a small, silently wrong count.
    /// </summary>
    public static int CheckedCount(ReadOnlySpan<long> shape, string op)
    {
        var n = Numel(shape, op);
        if (n > Array.MaxLength)
            throw new ArgumentException(
                $"{op}: a tensor of shape {Format(shape.ToArray())} has {n:N0} elements, more than the managed engine's limit of {Array.MaxLength:N0} " +
                "(it stores a tensor in one .NET array). Work in smaller batches, or use the TorchSharp engine.");
        return (int)n;
    }

    public static long[] ContiguousStrides(ReadOnlySpan<long> shape)
    {
        var strides = new long[shape.Length];
        long s = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= Math.Max(shape[i], 1);
        }
        return strides;
    }

    public static bool IsContiguous(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides)
    {
        // An empty tensor has no element out of place, whatever its strides (as in PyTorch).
        if (shape.Contains(0)) return true;
        long expected = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            if (shape[i] == 1) continue;
            if (strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    /// <summary>Turns a possibly negative dim into 0..rank-1, or explains the valid range.</summary>
    public static int WrapDim(long dim, int rank, string op)
    {
        var r = Math.Max(rank, 1);
        if (dim < -r || dim >= r)
            throw new ArgumentOutOfRangeException(nameof(dim),
                $"{op}: dimension {dim} is out of range for a tensor with {rank} dimension(s) (expected to be in [{-r}, {r - 1}]).");
        return (int)(dim < 0 ? dim + r : dim);
    }

    public static long[] Broadcast(ReadOnlySpan<long> a, ReadOnlySpan<long> b, string op)
    {
        var rank = Math.Max(a.Length, b.Length);
        var result = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            var da = i - (rank - a.Length) >= 0 ? a[i - (rank - a.Length)] : 1;
            var db = i - (rank - b.Length) >= 0 ? b[i - (rank - b.Length)] : 1;
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException(
                    $"{op}: shapes {Format(a)} and {Format(b)} cannot be broadcast together " +
                    $"(dimension {i} has sizes {da} and {db}; sizes must match or one of them must be 1).");
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>Strides that read a tensor of <paramref name="shape"/> as if it had <paramref name="target"/>'s shape (0 where broadcast).</summary>
    public static long[] BroadcastStrides(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, ReadOnlySpan<long> target)
    {
        var result = new long[target.Length];
        var lead = target.Length - shape.Length;
        for (int i = 0; i < shape.Length; i++)
            result[lead + i] = shape[i] == 1 && target[lead + i] != 1 ? 0 : strides[i];
        return result;
    }

    public static long[] InferReshape(ReadOnlySpan<long> requested, long numel, ReadOnlySpan<long> from, string op)
    {
        var shape = requested.ToArray();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == -1)
            {
                if (inferred >= 0) throw new ArgumentException($"{op}: only one dimension can be inferred (-1), got {Format(requested)}.");
                inferred = i;
            }
            else if (shape[i] < 0) throw new ArgumentException($"{op}: invalid shape dimension {shape[i]} in {Format(requested)}.");
            // Checked: a product that wrapped around could equal numel and let a nonsense shape through.
            else known = known > 0 && shape[i] > long.MaxValue / known
                ? throw new ArgumentException($"{op}: shape {Format(requested)} is invalid for input of size {numel} (shape {Format(from)}).")
                : known * shape[i];
        }
        if (inferred >= 0)
        {
            if (known == 0 || numel % known != 0)
                throw new ArgumentException($"{op}: shape {Format(requested)} is invalid for input of size {numel} (shape {Format(from)}).");
            shape[inferred] = numel / known;
        }
        else if (known != numel)
            throw new ArgumentException($"{op}: shape {Format(requested)} is invalid for input of size {numel} (shape {Format(from)}).");
        return shape;
    }

    public static bool SameShape(ReadOnlySpan<long> a, ReadOnlySpan<long> b) => a.SequenceEqual(b);
}
