using static NotebookDL.torch;

namespace NotebookDL.Ops;

/// <summary>Picks whole slices along a dim by an int64 index; the gradient is added back at those indices.</summary>
internal sealed class IndexSelectFunction : GradFn
{
    private long[] inputShape = [];
    private int dim;
    private long[] index = [];

    public static Tensor Apply(Tensor x, long dim, Tensor index)
    {
        var d = Shapes.WrapDim(dim, x.Shape.Length, "index_select");
        if (index.dtype != ScalarType.Int64 || index.Shape.Length > 1)
            throw new ArgumentException($"index_select: the index must be a 1-D int64 tensor, but got {index.Describe()}.");
        var idx = index.ToArray<long>();
        var size = x.Shape[d];
        for (int i = 0; i < idx.Length; i++)
        {
            if (idx[i] < -size || idx[i] >= size)
                throw new IndexOutOfRangeException($"index_select: index {idx[i]} is out of bounds for dimension {d} with size {size}.");
            if (idx[i] < 0) idx[i] += size;
        }
        var shape = (long[])x.Shape.Clone();
        shape[d] = idx.Length;
        var pieces = idx.Select(i => x.detach().narrow(d, i, 1)).ToList();
        var result = pieces.Count == 0 ? zeros(shape, x.dtype) : CatFunction.Apply(pieces, d);
        return new IndexSelectFunction { inputShape = x.Shape, dim = d, index = idx }.Record(result.detach(), x);
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var result = zeros(inputShape);
        for (int k = 0; k < index.Length; k++)
        {
            var slot = result.narrow(dim, index[k], 1);
            Kernels.StridedCopy.Scatter<float>((slot.contiguous() + g.narrow(dim, k, 1)).contiguous().FloatSpan(), result.FloatData, slot.Offset, slot.Shape, slot.Strides);
        }
        return [result];
    }
}

/// <summary>torch.gather: out[i][j] = x[i][index[i][j]] along dim; the gradient is scattered back with accumulation.</summary>
internal sealed class GatherFunction : GradFn
{
    private long[] inputShape = [];
    private int dim;
    private Tensor index = null!;

    public static Tensor Apply(Tensor x, long dim, Tensor index)
    {
        var d = Shapes.WrapDim(dim, x.Shape.Length, "gather");
        if (index.dtype != ScalarType.Int64 || index.Shape.Length != x.Shape.Length)
            throw new ArgumentException($"gather: the index must be an int64 tensor with as many dims as the input {x.Describe()}, but got {index.Describe()}.");
        // Position() reads other dims at the index's own coordinates, so a larger index would silently read wrong rows.
        for (int k = 0; k < x.Shape.Length; k++)
            if (k != d && index.Shape[k] > x.Shape[k])
                throw new ArgumentException(
                    $"gather: size {index.Shape[k]} of the index at dimension {k} exceeds the input's size {x.Shape[k]} (index {Shapes.Format(index.Shape)}, input {Shapes.Format(x.Shape)}, dim {d}).");
        var xs = x.contiguous();
        var ix = index.contiguous();
        var idx = ix.LongSpan();
        var inStrides = Shapes.ContiguousStrides(x.Shape);
        var positions = new long[ix.Count];
        for (int flat = 0; flat < positions.Length; flat++)
            positions[flat] = Position(flat, index.Shape, inStrides, d, idx[flat], x.Shape[d]);
        // int64 and bool inputs gather too (labels, masks); only float ones take part in autograd.
        Tensor result;
        if (xs.Storage is LongStorage)
        {
            var longs = xs.LongSpan();
            var picked = new long[positions.Length];
            for (int i = 0; i < picked.Length; i++) picked[i] = longs[(int)positions[i]];
            result = new Tensor(picked, index.shape);
        }
        else
        {
            var floats = xs.FloatSpan();
            var picked = new float[positions.Length];
            for (int i = 0; i < picked.Length; i++) picked[i] = floats[(int)positions[i]];
            result = new Tensor(picked, index.shape, x.dtype);
        }
        return new GatherFunction { inputShape = x.Shape, dim = d, index = ix }.Record(result, x);
    }

    /// <summary>Where the element for output position <paramref name="flat"/> sits in the contiguous input.</summary>
    private static long Position(long flat, long[] indexShape, long[] inputStrides, int dim, long chosen, long size)
    {
        if (chosen < 0 || chosen >= size)
            throw new IndexOutOfRangeException($"gather: index {chosen} is out of bounds for dimension {dim} with size {size}.");
        long pos = 0;
        for (int k = indexShape.Length - 1; k >= 0; k--)
        {
            var coordinate = flat % indexShape[k];
            flat /= indexShape[k];
            pos += (k == dim ? chosen : coordinate) * inputStrides[k];
        }
        return pos;
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var result = new float[Shapes.Numel(inputShape)];
        var grad = g.contiguous().FloatSpan();
        var idx = index.LongSpan();
        var inStrides = Shapes.ContiguousStrides(inputShape);
        for (int flat = 0; flat < grad.Length; flat++)
            result[Position(flat, index.Shape, inStrides, dim, idx[flat], inputShape[dim])] += grad[flat];
        return [new Tensor(result, (long[])inputShape.Clone())];
    }
}

/// <summary>where(cond, a, b) picks elementwise; each side's gradient is masked by the condition.</summary>
internal sealed class WhereFunction : GradFn
{
    private long[] shapeA = [], shapeB = [];

    public static Tensor Apply(Tensor condition, Tensor a, Tensor b)
    {
        var type = Promote(a.dtype, b.dtype);
        var shape = Shapes.Broadcast(Shapes.Broadcast(condition.Shape, a.Shape, "where"), b.Shape, "where");
        var mask = condition.expand(shape).to(ScalarType.Float32).contiguous();
        var fn = new WhereFunction { shapeA = a.Shape, shapeB = b.Shape };
        Tensor selected;
        if (type == ScalarType.Int64)
        {
            var (x, y) = (a.expand(shape).contiguous(), b.expand(shape).contiguous());
            var m = mask.FloatSpan();
            var picked = new long[m.Length];
            for (int i = 0; i < picked.Length; i++) picked[i] = (long)(m[i] != 0 ? x.ElementAsDouble(i) : y.ElementAsDouble(i));
            selected = new Tensor(picked, shape);
        }
        else
            selected = PickExactly(mask, a.detach().to(ScalarType.Float32).expand(shape).contiguous(), b.detach().to(ScalarType.Float32).expand(shape).contiguous());
        var result = fn.Record(selected.to(type), null, a, b);
        if (result.grad_fn == fn) fn.Save(mask);
        return result;
    }

    /// <summary>Copies rather than blends, so infinities and NaNs on the unpicked side cannot leak through.</summary>
    private static Tensor PickExactly(Tensor mask, Tensor a, Tensor b)
    {
        var m = mask.FloatSpan();
        var x = a.FloatSpan();
        var y = b.FloatSpan();
        var result = new float[m.Length];
        for (int i = 0; i < result.Length; i++) result[i] = m[i] != 0 ? x[i] : y[i];
        return new Tensor(result, mask.shape);
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var mask = Saved(0);
        var zero = zeros_like(g);
        return
        [
            null,
            Inputs[1]?.requires_grad == true ? Elementwise.SumTo(PickExactly(mask, g.contiguous(), zero), shapeA) : null,
            Inputs[2]?.requires_grad == true ? Elementwise.SumTo(PickExactly(mask, zero, g.contiguous()), shapeB) : null,
        ];
    }
}
