using NotebookDL.Ops;

namespace NotebookDL;

public static partial class torch
{
    public partial class Tensor
    {
        public Tensor this[params TensorIndex[] indices]
        {
            get => Index(indices);
            set
            {
                CheckInPlaceAllowed("index assignment");
                if (indices.Length == 1 && indices[0].Selector is { dtype: ScalarType.Bool } mask) AssignMasked(mask, value);
                else Index(indices, forWrite: true).CopyFrom(value, "index assignment");
            }
        }

        public Tensor this[params long[] indices]
        {
            get => this[indices.Select(TensorIndex.Single).ToArray()];
            set => this[indices.Select(TensorIndex.Single).ToArray()] = value;
        }

        /// <summary>Writes <paramref name="value"/> (broadcast) into the elements that <paramref name="indices"/> select.</summary>
        public Tensor index_put_(Tensor value, params TensorIndex[] indices)
        {
            this[indices] = value;
            return this;
        }

        private Tensor Index(TensorIndex[] indices, bool forWrite = false)
        {
            var selectors = indices.Count(i => i.Type == TensorIndex.Kind.Tensor);
            if (selectors > 1)
                throw new NotSupportedException("Indexing with more than one tensor index at a time is not supported; index one dim at a time with index_select.");
            if (selectors == 1 && indices.Length == 1 && indices[0].Selector!.dtype == ScalarType.Bool)
                return MaskedSelect(indices[0].Selector!);
            var basic = indices.Select(i => i.Type == TensorIndex.Kind.Tensor ? TensorIndex.Colon : i).ToArray();
            var view = BasicIndex(basic);
            if (selectors == 0) return view;
            var position = Array.FindIndex(indices, i => i.Type == TensorIndex.Kind.Tensor);
            var dim = ResultDimsBefore(indices, position);
            if (forWrite) throw new NotSupportedException("Assigning through an integer tensor index is not supported; use a bool mask or slices.");
            var selector = indices[position].Selector!;
            return view.index_select(dim, selector.reshape(-1)).reshape([.. view.Shape[..dim], .. selector.Shape, .. view.Shape[(dim + 1)..]]);
        }

        /// <summary>How many dims of the basic-indexed view come from indices[..position] (an ellipsis spans the unindexed dims).</summary>
        private int ResultDimsBefore(TensorIndex[] indices, int position)
        {
            var consumed = indices.Count(i => i.Type is TensorIndex.Kind.Single or TensorIndex.Kind.Slice or TensorIndex.Kind.Tensor);
            int dims = 0;
            var ellipsisSeen = false;
            foreach (var index in indices.Take(position))
            {
                if (index.Type is TensorIndex.Kind.Slice or TensorIndex.Kind.None) dims++;
                else if (index.Type == TensorIndex.Kind.Ellipsis && !ellipsisSeen)
                {
                    dims += Shape.Length - consumed;
                    ellipsisSeen = true;
                }
            }
            return dims;
        }

        private Tensor BasicIndex(TensorIndex[] indices)
        {
            var consumed = indices.Count(i => i.Type is TensorIndex.Kind.Single or TensorIndex.Kind.Slice);
            if (consumed > Shape.Length)
                throw new IndexOutOfRangeException($"Too many indices for a tensor of dimension {Shape.Length} (shape {Shapes.Format(Shape)}): got {consumed}.");
            var logical = Shapes.ContiguousStrides(Shape);
            var shape = new List<long>();
            var realStrides = new List<long>();
            var logicalStrides = new List<long>();
            long realOffset = 0, logicalOffset = 0;
            int dim = 0;
            foreach (var index in indices)
            {
                switch (index.Type)
                {
                    case TensorIndex.Kind.Ellipsis:
                        var skip = Shape.Length - consumed;
                        for (int k = 0; k < skip; k++, dim++) Keep(dim, 0, Shape[dim], 1);
                        consumed = Shape.Length; // a second ellipsis expands to nothing
                        break;
                    case TensorIndex.Kind.None:
                        shape.Add(1); realStrides.Add(0); logicalStrides.Add(0);
                        break;
                    case TensorIndex.Kind.Single:
                        var size = Shape[dim];
                        var at = index.Index < 0 ? index.Index + size : index.Index;
                        if (at < 0 || at >= size)
                            throw new IndexOutOfRangeException($"index {index.Index} is out of bounds for dimension {dim} with size {size} (shape {Shapes.Format(Shape)}).");
                        realOffset += at * Strides[dim];
                        logicalOffset += at * logical[dim];
                        dim++;
                        break;
                    case TensorIndex.Kind.Slice:
                        var n = Shape[dim];
                        var start = Math.Clamp(index.Start is { } s ? (s < 0 ? s + n : s) : 0, 0, n);
                        var stop = Math.Clamp(index.Stop is { } e ? (e < 0 ? e + n : e) : n, start, n);
                        Keep(dim, start, (stop - start + index.Step - 1) / index.Step, index.Step);
                        dim++;
                        break;
                }
            }
            for (; dim < Shape.Length; dim++) Keep(dim, 0, Shape[dim], 1);
            return StridedViewFunction.Apply(this, shape.ToArray(), logicalStrides.ToArray(), logicalOffset, realStrides.ToArray(), realOffset);

            void Keep(int d, long start, long length, long step)
            {
                shape.Add(length);
                realStrides.Add(Strides[d] * step);
                logicalStrides.Add(logical[d] * step);
                realOffset += start * Strides[d];
                logicalOffset += start * logical[d];
            }
        }

        /// <summary>
        /// x[mask]: with a mask of x's shape, the selected elements as a 1-D tensor; with a mask over x's leading dims
        /// (a [N] mask on an [N, D] tensor), the selected rows, shape [count, D] — PyTorch's boolean indexing.
        /// </summary>
        private Tensor MaskedSelect(Tensor mask)
        {
            var positions = MaskPositions(mask);
            return reshape([-1, .. Shape[mask.Shape.Length..]]).index_select(0, new Tensor(positions, [positions.Length]));
        }

        private long[] MaskPositions(Tensor mask)
        {
            if (mask.Shape.Length > Shape.Length || !Shapes.SameShape(mask.Shape, Shape[..mask.Shape.Length]))
                throw new ArgumentException($"The shape of the mask {Shapes.Format(mask.Shape)} does not match the shape of the indexed tensor {Shapes.Format(Shape)}: " +
                    "a bool mask must have the tensor's shape, or the shape of its leading dimensions to select whole rows.");
            var m = mask.contiguous().FloatSpan();
            var positions = new List<long>();
            for (int i = 0; i < m.Length; i++) if (m[i] != 0) positions.Add(i);
            return positions.ToArray();
        }

        /// <summary>
        /// x[mask] = value: a scalar value fills every selected element (or row), otherwise one value per selected
        /// element (or one row per selected row).
        /// </summary>
        private void AssignMasked(Tensor mask, Tensor value)
        {
            var positions = MaskPositions(mask);
            var rowSize = Shapes.Numel(Shape[mask.Shape.Length..]);
            var selected = positions.Length * rowSize;
            var values = value.to(dtype).reshape(-1);
            if (values.Count != 1 && values.Count != selected)
                throw new ArgumentException($"Mask assignment: the mask selects {selected} elements but the value has {values.Count}; give one value or exactly {selected}.");
            var flat = values.contiguous();
            long written = 0;
            foreach (var row in positions)
                for (long j = 0; j < rowSize; j++, written++)
                {
                    var pos = StorageIndex(row * rowSize + j);
                    var v = flat.ElementAsDouble(values.Count == 1 ? 0 : (int)written);
                    if (Storage is LongStorage ls) ls.Data[pos] = (long)v;
                    else FloatData[pos] = (float)v;
                }
        }

        internal void CheckInPlaceAllowed(string op)
        {
            if (autograd.GradMode.IsEnabled && requires_grad)
                throw new InvalidOperationException(
                    $"{op}: a tensor that requires grad cannot be modified in place while gradients are recorded. " +
                    "Wrap the update in using (torch.no_grad()) { ... }, or work on .detach().");
        }
    }
}
