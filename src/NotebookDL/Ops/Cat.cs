using static NotebookDL.torch;

namespace NotebookDL.Ops;

/// <summary>Joins tensors along an existing dim; the gradient is cut back into the pieces.</summary>
internal sealed class CatFunction : GradFn
{
    private int dim;
    private long[] sizes = [];

    public static Tensor Apply(IList<Tensor> tensors, long dim)
    {
        if (tensors.Count == 0) throw new ArgumentException("cat: expected a non-empty list of tensors.");
        var first = tensors[0];
        for (int i = 0; i < tensors.Count; i++)
            if (tensors[i].Shape.Length == 0)
                throw new ArgumentException($"cat: zero-dimensional tensor (at position {i}) cannot be concatenated; use stack, or unsqueeze it first.");
        var d = Shapes.WrapDim(dim, first.Shape.Length, "cat");
        var type = tensors.Select(t => t.dtype).Aggregate(Promote);
        for (int i = 1; i < tensors.Count; i++)
        {
            var t = tensors[i];
            var mismatch = t.Shape.Length != first.Shape.Length || Enumerable.Range(0, first.Shape.Length).Any(k => k != d && t.Shape[k] != first.Shape[k]);
            if (mismatch)
                throw new ArgumentException(
                    $"cat: sizes of tensors must match except in dimension {d}, but tensor 0 has shape {Shapes.Format(first.Shape)} and tensor {i} has shape {Shapes.Format(t.Shape)}.");
        }
        long outer = 1, inner = 1;
        for (int k = 0; k < d; k++) outer *= first.Shape[k];
        for (int k = d + 1; k < first.Shape.Length; k++) inner *= first.Shape[k];
        var sizes = tensors.Select(t => t.Shape[d]).ToArray();
        var total = sizes.Sum();
        var shape = (long[])first.Shape.Clone();
        shape[d] = total;
        Shapes.CheckedCount(shape, "cat"); // before the parts are copied: views of large expanded inputs stay cheap to refuse
        var parts = tensors.Select(t => t.to(type).contiguous()).ToArray();
        Tensor result;
        if (type == ScalarType.Int64)
        {
            var data = TensorMemory.Allocate<long>(shape, "cat");
            Interleave(parts.Select(p => (Array)p.LongData).ToArray(), parts.Select(p => p.Offset).ToArray(), sizes, outer, inner, total, data);
            result = new Tensor(data, shape);
        }
        else
        {
            var data = TensorMemory.Allocate<float>(shape, "cat");
            Interleave(parts.Select(p => (Array)p.FloatData).ToArray(), parts.Select(p => p.Offset).ToArray(), sizes, outer, inner, total, data);
            result = new Tensor(data, shape, type);
        }
        return new CatFunction { dim = d, sizes = sizes }.Record(result, tensors.ToArray());
    }

    private static void Interleave(Array[] sources, long[] offsets, long[] sizes, long outer, long inner, long total, Array destination)
    {
        for (long o = 0; o < outer; o++)
        {
            long at = o * total * inner;
            for (int p = 0; p < sources.Length; p++)
            {
                var n = sizes[p] * inner;
                Array.Copy(sources[p], offsets[p] + o * n, destination, at, n);
                at += n;
            }
        }
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var grads = new Tensor?[sizes.Length];
        long start = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            if (Inputs[i]?.requires_grad == true) grads[i] = g.narrow(dim, start, sizes[i]).contiguous();
            start += sizes[i];
        }
        return grads;
    }
}
