using System.Numerics.Tensors;
using static NotebookDL.torch;

namespace NotebookDL.Ops;

/// <summary>Σ over some dims; the gradient is the output gradient broadcast back over the summed dims.</summary>
internal sealed class SumFunction : GradFn
{
    private long[] inputShape = [];
    private long[] keptShape = [];

    public static Tensor Apply(Tensor x, long[]? dims, bool keepdim)
    {
        var reduce = NormalizeDims(dims, x.Shape.Length, "sum");
        var kept = (long[])x.Shape.Clone();
        foreach (var d in reduce) kept[d] = 1;
        var outShape = keepdim ? kept : x.Shape.Where((_, i) => !reduce.Contains(i)).ToArray();
        Tensor result;
        if (x.IsFloat) result = new Tensor(SumFloat(x.contiguous(), reduce), outShape);
        else result = SumExact(x, reduce, outShape);
        var fn = new SumFunction { inputShape = x.Shape, keptShape = kept };
        return fn.Record(result, x);
    }

    internal override Tensor?[] Backward(Tensor g) => [g.reshape(keptShape).expand(inputShape).contiguous()];

    internal static int[] NormalizeDims(long[]? dims, int rank, string op)
    {
        if (dims is null || dims.Length == 0) return Enumerable.Range(0, rank).ToArray();
        var result = dims.Select(d => Shapes.WrapDim(d, rank, op)).Distinct().Order().ToArray();
        if (result.Length != dims.Length) throw new ArgumentException($"{op}: dim {string.Join(", ", dims)} appears more than once in the list of dims.");
        // A 0-dim tensor accepts dim 0 / -1 (as PyTorch does) but has no axis to reduce.
        return rank == 0 ? [] : result;
    }

    /// <summary>Sums a contiguous float tensor, merging runs of adjacent reduced dims into one pass each.</summary>
    private static float[] SumFloat(Tensor x, int[] reduce)
    {
        var current = x.FloatSpan().ToArray();
        var shape = x.Shape.ToList();
        var groups = new List<(int first, int last)>();
        foreach (var d in reduce)
            if (groups.Count > 0 && groups[^1].last == d - 1) groups[^1] = (groups[^1].first, d);
            else groups.Add((d, d));
        for (int gi = groups.Count - 1; gi >= 0; gi--)
        {
            var (first, last) = groups[gi];
            long outer = 1, r = 1, inner = 1;
            for (int d = 0; d < first; d++) outer *= shape[d];
            for (int d = first; d <= last; d++) r *= shape[d];
            for (int d = last + 1; d < shape.Count; d++) inner *= shape[d];
            current = SumMiddle(current, (int)outer, (int)r, (int)inner);
            for (int d = first; d <= last; d++) shape[d] = 1;
        }
        return current;
    }

    /// <summary>Values summed in float before a partial sum is carried into a double accumulator.</summary>
    private const int Block = 256;

    /// <summary>
    /// Reduces the middle axis of a contiguous [outer, r, inner] block. Sums run in float (SIMD) over blocks of
    /// <see cref="Block"/> values and the blocks' sums are added in double, so the error stays that of a short float
    /// sum however long the axis is: a plain float sum of ten million 0.1s is off by 1%.
    /// </summary>
    internal static float[] SumMiddle(float[] x, int outer, int r, int inner)
    {
        var result = new float[outer * inner];
        var total = inner == 1 ? null : new double[inner];
        var partial = inner == 1 ? null : new float[inner];
        for (int o = 0; o < outer; o++)
        {
            var block = x.AsSpan(o * r * inner, r * inner);
            if (inner == 1)
            {
                double sum = 0;
                for (int start = 0; start < r; start += Block) sum += TensorPrimitives.Sum(block.Slice(start, Math.Min(Block, r - start)));
                result[o] = (float)sum;
                continue;
            }
            Array.Clear(total!);
            for (int j0 = 0; j0 < r; j0 += Block)
            {
                Array.Clear(partial!);
                for (int j = j0; j < Math.Min(r, j0 + Block); j++) TensorPrimitives.Add(partial, block.Slice(j * inner, inner), partial);
                for (int k = 0; k < inner; k++) total![k] += partial![k];
            }
            var dst = result.AsSpan(o * inner, inner);
            for (int k = 0; k < inner; k++) dst[k] = (float)total![k];
        }
        return result;
    }

    /// <summary>Integer and bool sums are exact and give int64, as in PyTorch.</summary>
    private static Tensor SumExact(Tensor x, int[] reduce, long[] outShape)
    {
        var c = x.contiguous();
        var result = new long[Shapes.Numel(outShape)];
        var outStrides = Shapes.ContiguousStrides(x.Shape.Select((s, i) => reduce.Contains(i) ? 1 : s).ToArray());
        var index = new long[x.Shape.Length];
        for (long flat = 0; flat < c.Count; flat++)
        {
            long rem = flat, target = 0;
            for (int d = x.Shape.Length - 1; d >= 0; d--)
            {
                index[d] = rem % x.Shape[d];
                rem /= x.Shape[d];
                if (!reduce.Contains(d)) target += index[d] * outStrides[d];
            }
            result[target] += c.Storage is LongStorage ls ? ls.Data[c.Offset + flat] : (long)c.FloatData[c.Offset + flat];
        }
        return new Tensor(result, outShape);
    }
}

/// <summary>Max or min along one dim with the winning indices; the gradient goes to the winner.</summary>
internal sealed class ExtremumAlongDimFunction(bool isMax) : GradFn
{
    private long[] inputShape = [];
    private int dim;
    private long[] indices = [];

    public override string name() => isMax ? "MaxBackward0" : "MinBackward0";

    public static (Tensor values, Tensor indexes) Apply(Tensor x, long dim, bool keepdim, bool isMax)
    {
        var op = isMax ? "max" : "min";
        if (x.Count == 0) throw new ArgumentException($"{op}: cannot reduce an empty tensor (shape {Shapes.Format(x.Shape)}): it has no {op}imum.");
        var d = Shapes.WrapDim(dim, x.Shape.Length, op);
        long outer = 1, inner = 1;
        var r = x.Shape.Length == 0 ? 1 : x.Shape[d];
        for (int i = 0; i < d; i++) outer *= x.Shape[i];
        for (int i = d + 1; i < x.Shape.Length; i++) inner *= x.Shape[i];
        var c = x.contiguous();
        var idx = new long[outer * inner];
        var (floatValues, longValues) = c.Storage is LongStorage
            ? (null, Scan(c.LongSpan(), outer, r, inner, isMax, idx))
            : (Scan(c.FloatSpan(), outer, r, inner, isMax, idx), (long[]?)null);
        var outShape = x.Shape.Length == 0 ? [] : keepdim ? x.Shape.Select((s, i) => i == d ? 1 : s).ToArray() : x.Shape.Where((_, i) => i != d).ToArray();
        var valueTensor = longValues is not null ? new Tensor(longValues, outShape) : new Tensor(floatValues!, outShape, x.dtype);
        var fn = new ExtremumAlongDimFunction(isMax) { inputShape = x.Shape, dim = d, indices = idx };
        return (fn.Record(valueTensor, x), new Tensor(idx, (long[])outShape.Clone()));
    }

    /// <summary>Winner of every [outer, ·, inner] column; int64 stays in long so large values compare exactly. NaN wins, as in PyTorch.</summary>
    private static T[] Scan<T>(ReadOnlySpan<T> c, long outer, long r, long inner, bool isMax, long[] idx) where T : System.Numerics.INumber<T>
    {
        var values = new T[outer * inner];
        for (long o = 0; o < outer; o++)
            for (long i = 0; i < inner; i++)
            {
                var best = c[(int)(o * r * inner + i)];
                long bestAt = 0;
                for (long j = 1; j < r && !T.IsNaN(best); j++)
                {
                    var v = c[(int)((o * r + j) * inner + i)];
                    if (T.IsNaN(v) || (isMax ? v > best : v < best)) { best = v; bestAt = j; }
                }
                values[o * inner + i] = best;
                idx[o * inner + i] = bestAt;
            }
        return values;
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var grad = g.contiguous().FloatSpan();
        var result = new float[Shapes.Numel(inputShape)];
        long inner = 1;
        for (int i = dim + 1; i < inputShape.Length; i++) inner *= inputShape[i];
        var r = inputShape.Length == 0 ? 1 : inputShape[dim];
        for (long k = 0; k < indices.Length; k++)
        {
            long o = k / inner, i = k % inner;
            result[(o * r + indices[k]) * inner + i] += grad[(int)k];
        }
        return [new Tensor(result, (long[])inputShape.Clone())];
    }
}

/// <summary>
/// amax/amin and the all-elements max()/min(). Unlike max(dim), which hands the whole gradient to the returned
/// index, these share it evenly between tied extremes, as PyTorch does.
/// </summary>
internal sealed class ExtremumEvenFunction(bool isMax, bool allElements) : GradFn
{
    private long[] keptShape = [];
    private long[] dims = [];

    public override string name() => allElements ? (isMax ? "MaxBackward1" : "MinBackward1") : (isMax ? "AmaxBackward0" : "AminBackward0");

    /// <param name="dim">The dim to reduce, or null for every element.</param>
    public static Tensor Apply(Tensor x, long? dim, bool keepdim, bool isMax)
    {
        var fn = new ExtremumEvenFunction(isMax, dim is null);
        Tensor kept, result;
        using (no_grad())
        {
            if (dim is { } requested)
            {
                var d = Shapes.WrapDim(requested, x.Shape.Length, isMax ? "amax" : "amin");
                kept = ExtremumAlongDimFunction.Apply(x, d, keepdim: true, isMax).values;
                result = keepdim ? kept.detach() : kept.squeeze(d);
                fn.dims = x.Shape.Length == 0 ? [] : [d];
            }
            else
            {
                result = ExtremumAlongDimFunction.Apply(x.reshape(-1), 0, keepdim: false, isMax).values;
                kept = result.reshape(x.Shape.Select(_ => 1L).ToArray());
                fn.dims = Enumerable.Range(0, x.Shape.Length).Select(i => (long)i).ToArray();
            }
        }
        fn.keptShape = kept.shape;
        result = fn.Record(result, x);
        if (result.grad_fn == fn) fn.Save(x, kept.detach());
        return result;
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var mask = (Saved(0) == Saved(1)).to(ScalarType.Float32);
        var count = mask.sum(dims, keepdim: true);
        return [g.reshape(keptShape) * mask / count];
    }
}
