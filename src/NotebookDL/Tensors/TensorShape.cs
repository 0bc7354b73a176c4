using NotebookDL.Ops;

namespace NotebookDL;

public static partial class torch
{
    public partial class Tensor
    {
        public Tensor reshape(params long[] shape) => ReshapeFunction.Apply(this, shape, mustBeView: false);
        public Tensor view(params long[] shape) => ReshapeFunction.Apply(this, shape, mustBeView: true);
        public Tensor view_as(Tensor other) => view(other.Shape);
        public Tensor reshape_as(Tensor other) => reshape(other.Shape);

        public Tensor flatten(long start_dim = 0, long end_dim = -1)
        {
            if (Shape.Length == 0) return reshape(1);
            var start = Shapes.WrapDim(start_dim, Shape.Length, "flatten");
            var end = Shapes.WrapDim(end_dim, Shape.Length, "flatten");
            if (start > end) throw new ArgumentException($"flatten: start_dim ({start_dim}) cannot come after end_dim ({end_dim}).");
            var shape = Shape[..start].Append(Shape[start..(end + 1)].Aggregate(1L, (a, b) => a * b)).Concat(Shape[(end + 1)..]).ToArray();
            return reshape(shape);
        }

        public Tensor unsqueeze(long dim)
        {
            var d = Shapes.WrapDim(dim, Shape.Length + 1, "unsqueeze");
            var shape = Shape.ToList();
            shape.Insert(d, 1);
            return reshape(shape.ToArray());
        }

        public Tensor squeeze() => reshape(Shape.Where(s => s != 1).ToArray());

        public Tensor squeeze(long dim)
        {
            if (Shape.Length == 0) return this;
            var d = Shapes.WrapDim(dim, Shape.Length, "squeeze");
            return Shape[d] != 1 ? this : reshape(Shape.Where((_, i) => i != d).ToArray());
        }

        public Tensor permute(params long[] dims) => PermuteFunction.Apply(this, dims);

        public Tensor transpose(long dim0, long dim1)
        {
            if (Shape.Length < 2 && dim0 is 0 or -1 && dim1 is 0 or -1) return this;
            var order = Enumerable.Range(0, Shape.Length).Select(i => (long)i).ToArray();
            var a = Shapes.WrapDim(dim0, Shape.Length, "transpose");
            var b = Shapes.WrapDim(dim1, Shape.Length, "transpose");
            (order[a], order[b]) = (order[b], order[a]);
            return permute(order);
        }

        public Tensor t()
        {
            if (Shape.Length > 2) throw new ArgumentException($"t() expects a tensor with <= 2 dimensions, but it has {Shape.Length} (shape {Shapes.Format(Shape)}); use transpose(dim0, dim1) or .mT.");
            return Shape.Length < 2 ? this : transpose(0, 1);
        }

        /// <summary>All dims reversed, as PyTorch's .T.</summary>
        public Tensor T => permute(Enumerable.Range(0, Shape.Length).Reverse().Select(i => (long)i).ToArray());

        /// <summary>The last two dims swapped (batched matrix transpose).</summary>
        public Tensor mT => transpose(-2, -1);

        public Tensor expand(params long[] sizes) => ExpandFunction.Apply(this, sizes);
        public Tensor expand_as(Tensor other) => expand(other.Shape);

        /// <summary>A view of <paramref name="length"/> entries of one dim starting at <paramref name="start"/>.</summary>
        public Tensor narrow(long dim, long start, long length)
        {
            // A negative start counts from the end, as in PyTorch.
            var from = start < 0 ? start + Shape[Shapes.WrapDim(dim, Shape.Length, "narrow")] : start;
            return this[SliceOnDim(dim, from, from + length, 1, "narrow")];
        }

        public Tensor select(long dim, long index)
        {
            var d = Shapes.WrapDim(dim, Shape.Length, "select");
            var indices = Enumerable.Repeat(TensorIndex.Colon, d).Append(TensorIndex.Single(index)).ToArray();
            return this[indices];
        }

        private TensorIndex[] SliceOnDim(long dim, long start, long stop, long step, string op)
        {
            var d = Shapes.WrapDim(dim, Shape.Length, op);
            if (start < 0 || stop > Shape[d] || start > stop)
                throw new ArgumentOutOfRangeException(nameof(start), $"{op}: [{start}, {stop}) is outside dimension {d} of size {Shape[d]} (shape {Shapes.Format(Shape)}).");
            return Enumerable.Repeat(TensorIndex.Colon, d).Append(TensorIndex.Slice(start, stop, step)).ToArray();
        }

        public Tensor index_select(long dim, Tensor index) => IndexSelectFunction.Apply(this, dim, index);
        public Tensor gather(long dim, Tensor index) => GatherFunction.Apply(this, dim, index);

        public Tensor[] chunk(long chunks, long dim = 0)
        {
            if (chunks <= 0) throw new ArgumentException($"chunk: chunks must be a positive number, got {chunks}.");
            var d = Shapes.WrapDim(dim, Shape.Length, "chunk");
            var size = Math.Max(1, (Shape[d] + chunks - 1) / chunks);
            return split(size, d);
        }

        public Tensor[] split(long size, long dim = 0)
        {
            var d = Shapes.WrapDim(dim, Shape.Length, "split");
            if (size <= 0) throw new ArgumentException($"split: split_size must be positive, got {size}.");
            var parts = new List<Tensor>();
            for (long start = 0; start < Shape[d]; start += size) parts.Add(narrow(d, start, Math.Min(size, Shape[d] - start)));
            return parts.ToArray();
        }
    }

    public static Tensor cat(IList<Tensor> tensors, long dim = 0) => CatFunction.Apply(tensors, dim);
    public static Tensor concatenate(IList<Tensor> tensors, long dim = 0) => cat(tensors, dim);

    public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0)
    {
        var list = tensors.ToList();
        if (list.Count == 0) throw new ArgumentException("stack: expected a non-empty list of tensors.");
        for (int i = 1; i < list.Count; i++)
            if (!Shapes.SameShape(list[i].Shape, list[0].Shape))
                throw new ArgumentException($"stack: all tensors must have the same shape, but tensor 0 has {Shapes.Format(list[0].Shape)} and tensor {i} has {Shapes.Format(list[i].Shape)}.");
        var d = Shapes.WrapDim(dim, list[0].Shape.Length + 1, "stack");
        return cat(list.Select(t => t.unsqueeze(d)).ToList(), d);
    }

    public static Tensor flatten(Tensor x, long start_dim = 0, long end_dim = -1) => x.flatten(start_dim, end_dim);
    public static Tensor reshape(Tensor x, params long[] shape) => x.reshape(shape);
    public static Tensor transpose(Tensor x, long dim0, long dim1) => x.transpose(dim0, dim1);
    public static Tensor permute(Tensor x, params long[] dims) => x.permute(dims);
    public static Tensor unsqueeze(Tensor x, long dim) => x.unsqueeze(dim);
    public static Tensor squeeze(Tensor x) => x.squeeze();
    public static Tensor squeeze(Tensor x, long dim) => x.squeeze(dim);
    public static Tensor gather(Tensor x, long dim, Tensor index) => x.gather(dim, index);
    public static Tensor index_select(Tensor x, long dim, Tensor index) => x.index_select(dim, index);
}
