using static NotebookDL.torch;

namespace NotebookDL.Ops;

/// <summary>Same elements, new shape: a view when the strides allow it, otherwise a copy.</summary>
internal sealed class ReshapeFunction : GradFn
{
    private long[] inputShape = [];

    public override string name() => "ViewBackward0";

    public static Tensor Apply(Tensor x, long[] requested, bool mustBeView)
    {
        var op = mustBeView ? "view" : "reshape";
        var shape = Shapes.InferReshape(requested, x.Count, x.Shape, op);
        Tensor result;
        if (x.is_contiguous()) result = new Tensor(x.Storage, shape, Shapes.ContiguousStrides(shape), x.Offset, x.dtype);
        else if (ViewStrides(x.Shape, x.Strides, shape) is { } strides) result = new Tensor(x.Storage, shape, strides, x.Offset, x.dtype);
        else if (mustBeView)
            throw new InvalidOperationException(
                $"view: size {Shapes.Format(shape)} is not compatible with the input's size {Shapes.Format(x.Shape)} and stride {Shapes.Format(x.Strides)} " +
                "(at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        else
        {
            var copy = x.detach().contiguous();
            result = new Tensor(copy.Storage, shape, Shapes.ContiguousStrides(shape), copy.Offset, x.dtype);
        }
        return new ReshapeFunction { inputShape = x.Shape }.Record(result, x);
    }

    internal override Tensor?[] Backward(Tensor g) => [g.reshape(inputShape)];

    /// <summary>
    /// Strides that show a strided tensor in <paramref name="newShape"/> without copying, or null when a dim of the
    /// new shape would have to span two non-adjacent blocks of memory (PyTorch's computeStride). This is what lets
    /// unsqueeze/view of a transposed or sliced tensor stay a view that shares storage.
    /// </summary>
    private static long[]? ViewStrides(long[] oldShape, long[] oldStrides, long[] newShape)
    {
        var newStrides = new long[newShape.Length];
        if (oldShape.Length == 0)
        {
            Array.Fill(newStrides, 1);
            return newStrides;
        }
        if (Shapes.Numel(oldShape) == 0) return Shapes.ContiguousStrides(newShape);
        var viewDim = newShape.Length - 1;
        var chunkBaseStride = oldStrides[^1];
        long tensorNumel = 1, viewNumel = 1;
        for (int d = oldShape.Length - 1; d >= 0; d--)
        {
            tensorNumel *= oldShape[d];
            // A chunk ends where the next-outer dim does not continue this one contiguously.
            if (d == 0 || (oldShape[d - 1] != 1 && oldStrides[d - 1] != tensorNumel * chunkBaseStride))
            {
                while (viewDim >= 0 && (viewNumel < tensorNumel || newShape[viewDim] == 1))
                {
                    newStrides[viewDim] = viewNumel * chunkBaseStride;
                    viewNumel *= newShape[viewDim];
                    viewDim--;
                }
                if (viewNumel != tensorNumel) return null;
                if (d > 0)
                {
                    chunkBaseStride = oldStrides[d - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewDim == -1 ? newStrides : null;
    }
}

/// <summary>Reorders dims by permuting strides (no copy); the gradient is permuted back.</summary>
internal sealed class PermuteFunction : GradFn
{
    private int[] inverse = [];

    public static Tensor Apply(Tensor x, long[] dims)
    {
        var rank = x.Shape.Length;
        if (dims.Length != rank)
            throw new ArgumentException($"permute: the number of dims ({dims.Length}) does not match the tensor's {rank} dimension(s) (shape {Shapes.Format(x.Shape)}).");
        var order = dims.Select(d => Shapes.WrapDim(d, rank, "permute")).ToArray();
        if (order.Distinct().Count() != rank) throw new ArgumentException($"permute: repeated dim in {Shapes.Format(dims)}.");
        var shape = order.Select(d => x.Shape[d]).ToArray();
        var strides = order.Select(d => x.Strides[d]).ToArray();
        var inverse = new int[rank];
        for (int i = 0; i < rank; i++) inverse[order[i]] = i;
        var view = new Tensor(x.Storage, shape, strides, x.Offset, x.dtype);
        return new PermuteFunction { inverse = inverse }.Record(view, x);
    }

    internal override Tensor?[] Backward(Tensor g) => [g.permute(inverse.Select(i => (long)i).ToArray())];
}

/// <summary>Repeats size-1 dims without copying (stride 0); the gradient is summed back.</summary>
internal sealed class ExpandFunction : GradFn
{
    private long[] inputShape = [];

    public static Tensor Apply(Tensor x, long[] sizes)
    {
        if (sizes.Length < x.Shape.Length)
            throw new ArgumentException($"expand: the number of sizes ({sizes.Length}) must be at least the tensor's {x.Shape.Length} dimension(s) (shape {Shapes.Format(x.Shape)}).");
        var lead = sizes.Length - x.Shape.Length;
        var shape = new long[sizes.Length];
        var strides = new long[sizes.Length];
        for (int i = 0; i < sizes.Length; i++)
        {
            var own = i >= lead ? x.Shape[i - lead] : 1;
            var want = sizes[i] == -1 && i >= lead ? own : sizes[i];
            if (want < 0)
                throw new ArgumentException(
                    $"expand: size {sizes[i]} at dimension {i} is invalid; -1 (keep the size) only applies to existing dims (shape {Shapes.Format(x.Shape)} → {Shapes.Format(sizes)}).");
            if (own != want && own != 1)
                throw new ArgumentException(
                    $"expand: the expanded size ({want}) must match the existing size ({own}) at dimension {i}; only size-1 dims can grow (shape {Shapes.Format(x.Shape)} → {Shapes.Format(sizes)}).");
            shape[i] = want;
            strides[i] = i < lead || (own == 1 && want != 1) ? 0 : x.Strides[i - lead];
        }
        var view = new Tensor(x.Storage, shape, strides, x.Offset, x.dtype);
        return new ExpandFunction { inputShape = x.Shape }.Record(view, x);
    }

    internal override Tensor?[] Backward(Tensor g) => [Elementwise.SumTo(g, inputShape)];
}

/// <summary>
/// Every basic index (integer, slice with step, new axis) as one strided view. Backward writes the
/// gradient into the same view of a zero tensor shaped like the input.
/// </summary>
internal sealed class StridedViewFunction : GradFn
{
    private long[] inputShape = [];
    private long[] relShape = [];
    private long[] relStrides = [];
    private long relOffset;

    public override string name() => "SliceBackward0";

    /// <summary>Makes the view described in the input's own logical (contiguous) coordinates.</summary>
    public static Tensor Apply(Tensor x, long[] shape, long[] logicalStrides, long logicalOffset, long[] realStrides, long realOffset)
    {
        var view = new Tensor(x.Storage, shape, realStrides, x.Offset + realOffset, x.dtype);
        var fn = new StridedViewFunction { inputShape = x.Shape, relShape = shape, relStrides = logicalStrides, relOffset = logicalOffset };
        return fn.Record(view, x);
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var result = zeros(inputShape);
        var contiguousGrad = g.contiguous();
        Kernels.StridedCopy.Scatter<float>(contiguousGrad.FloatSpan(), result.FloatData, relOffset, relShape, relStrides);
        return [result];
    }
}
