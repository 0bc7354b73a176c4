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
        return result;
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

    /// <summary>Reduces the middle axis of a contiguous [outer, r, inner] block.</summary>
    internal static float[] SumMiddle(float[] x, int outer, int r, int inner)
    {
        var result = new float[outer * inner];
        for (int o = 0; o < outer; o++)
        {
            var block = x.AsSpan(o * r * inner, r * inner);
            if (inner == 1)
            {
                result[o] = TensorPrimitives.Sum(block);
                continue;
            }
            var dst = result.AsSpan(o * inner, inner);
            for (int j = 0; j < r; j++) TensorPrimitives.Add(dst, block.Slice(j * inner, inner), dst);
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
            result[target] += (long)c.ElementAsDouble(flat);
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
        var c = x.to(ScalarType.Float32).contiguous().FloatSpan();
        long outer = 1, inner = 1;
        var r = x.Shape.Length == 0 ? 1 : x.Shape[d];
        for (int i = 0; i < d; i++) outer *= x.Shape[i];
        for (int i = d + 1; i < x.Shape.Length; i++) inner *= x.Shape[i];
        var values = new float[outer * inner];
        var idx = new long[outer * inner];
        for (long o = 0; o < outer; o++)
            for (long i = 0; i < inner; i++)
            {
                var best = c[(int)(o * r * inner + i)];
                long bestAt = 0;
                for (long j = 1; j < r && !float.IsNaN(best); j++)
                {
                    var v = c[(int)((o * r + j) * inner + i)];
                    if (float.IsNaN(v) || (isMax ? v > best : v < best)) { best = v; bestAt = j; }
                }
                values[o * inner + i] = best;
                idx[o * inner + i] = bestAt;
            }
        var outShape = x.Shape.Length == 0 ? [] : keepdim ? x.Shape.Select((s, i) => i == d ? 1 : s).ToArray() : x.Shape.Where((_, i) => i != d).ToArray();
        var valueTensor = x.IsFloat ? new Tensor(values, outShape) : new Tensor(values, outShape).to(x.dtype);
        var fn = new ExtremumAlongDimFunction(isMax) { inputShape = x.Shape, dim = d, indices = idx };
        return (fn.Record(valueTensor, x), new Tensor(idx, (long[])outShape.Clone()));
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
