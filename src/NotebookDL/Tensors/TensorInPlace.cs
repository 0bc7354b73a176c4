namespace NotebookDL;

public static partial class torch
{
    /// <summary>
    /// In-place updates (the trailing-underscore methods). They write through views into shared storage
    /// and are refused on tensors that require grad while the graph is being recorded.
    /// </summary>
    public partial class Tensor
    {
        /// <summary>Writes <paramref name="value"/>, broadcast to this tensor's shape, into this tensor's elements.</summary>
        internal void CopyFrom(Tensor value, string op)
        {
            Shapes.Broadcast(value.Shape, Shape, op);
            if (value.Shape.Length > Shape.Length && value.Count != Count)
                throw new ArgumentException($"{op}: a value of shape {Shapes.Format(value.Shape)} cannot be written into a tensor of shape {Shapes.Format(Shape)}.");
            var source = value.to(dtype).reshape(value.Count == Count ? Shape : value.Shape).expand(Shape).contiguous();
            if (Storage is LongStorage ls) Kernels.StridedCopy.Scatter<long>(source.LongSpan(), ls.Data, Offset, Shape, Strides);
            else Kernels.StridedCopy.Scatter<float>(source.FloatSpan(), FloatData, Offset, Shape, Strides);
        }

        public Tensor copy_(Tensor source)
        {
            CheckInPlaceAllowed("copy_");
            using (no_grad()) CopyFrom(source, "copy_");
            return this;
        }

        public Tensor fill_(double value)
        {
            CheckInPlaceAllowed("fill_");
            using (no_grad()) CopyFrom(ScalarLike(value, dtype != ScalarType.Float32), "fill_");
            return this;
        }

        public Tensor zero_() => fill_(0);

        public Tensor add_(Tensor other, double alpha = 1) => Update("add_", alpha == 1 ? this + other : this + other * alpha);
        public Tensor add_(double scalar) => Update("add_", this + scalar);
        public Tensor sub_(Tensor other) => Update("sub_", this - other);
        public Tensor sub_(double scalar) => Update("sub_", this - scalar);
        public Tensor mul_(Tensor other) => Update("mul_", this * other);
        public Tensor mul_(double scalar) => Update("mul_", this * scalar);
        public Tensor div_(Tensor other) => Update("div_", this / other);
        public Tensor div_(double scalar) => Update("div_", this / scalar);
        public Tensor clamp_(double? min = null, double? max = null) => Update("clamp_", clamp(min, max));
        public Tensor relu_() => Update("relu_", relu());

        private Tensor Update(string op, Tensor result)
        {
            CheckInPlaceAllowed(op);
            using (no_grad()) CopyFrom(result, op);
            return this;
        }
    }
}
