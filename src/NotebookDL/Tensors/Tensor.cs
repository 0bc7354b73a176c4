namespace NotebookDL;

public static partial class torch
{
    /// <summary>
    /// An n-dimensional array with shape and strides over a shared <see cref="Storage"/>, plus the autograd
    /// bookkeeping (requires_grad, grad, grad_fn). Views (reshape, transpose, slicing) share storage.
    /// </summary>
    public partial class Tensor : IDisposable
    {
        internal Storage Storage;
        internal readonly long[] Shape;
        internal readonly long[] Strides;
        internal readonly long Offset;
        private bool requiresGrad;

        internal Tensor(Storage storage, long[] shape, long[] strides, long offset, ScalarType dtype)
        {
            Storage = storage;
            Shape = shape;
            Strides = strides;
            Offset = offset;
            this.dtype = dtype;
        }

        internal Tensor(float[] data, long[] shape, ScalarType dtype = ScalarType.Float32)
            : this(new FloatStorage(data), shape, Shapes.ContiguousStrides(shape), 0, dtype) { }

        internal Tensor(long[] data, long[] shape)
            : this(new LongStorage(data), shape, Shapes.ContiguousStrides(shape), 0, ScalarType.Int64) { }

        /// <summary>Copy-constructs a tensor that shares <paramref name="other"/>'s storage (used by Parameter).</summary>
        protected Tensor(Tensor other) : this(other.Storage, other.Shape, other.Strides, other.Offset, other.dtype) { }

        public ScalarType dtype { get; }

        public Device device => Storage.Device;

        public long[] shape => (long[])Shape.Clone();

        public long[] size() => shape;

        public long size(long dim) => Shape[Shapes.WrapDim(dim, Shape.Length, "size")];

        public long[] stride() => (long[])Strides.Clone();

        public long stride(long dim) => Strides[Shapes.WrapDim(dim, Shape.Length, "stride")];

        public long dim() => Shape.Length;

        public long ndim => Shape.Length;

        public long numel() => Shapes.Numel(Shape);

        public long Numel => numel();

        public bool is_contiguous() => Shapes.IsContiguous(Shape, Strides);

        public bool is_floating_point() => dtype == ScalarType.Float32;

        internal int Count => Shapes.CheckedCount(Shape, "tensor");

        internal bool IsFloat => dtype == ScalarType.Float32;

        /// <summary>The op that produced this tensor, or null for leaves and tensors outside autograd.</summary>
        public GradFn? grad_fn { get; internal set; }

        public bool is_leaf => grad_fn is null;

        public Tensor? grad { get; set; }

        public bool requires_grad
        {
            get => requiresGrad;
            set
            {
                if (value && !IsFloat)
                    throw new InvalidOperationException(
                        $"Only floating point tensors can require gradients, but this tensor is {TypeName(dtype)}. Convert it first with .to(torch.float32).");
                if (!value && grad_fn is not null)
                    throw new InvalidOperationException(
                        "You can only change requires_grad flags of leaf variables. If you want to use a computed tensor without gradients, use .detach().");
                requiresGrad = value;
            }
        }

        internal void MarkRequiresGrad() => requiresGrad = true;

        public Tensor requires_grad_(bool requires_grad = true)
        {
            this.requires_grad = requires_grad;
            return this;
        }

        public Tensor with_requires_grad(bool requires_grad = true) => requires_grad_(requires_grad);

        /// <summary>True when backward also fills this non-leaf tensor's .grad (see <see cref="retain_grad"/>).</summary>
        public bool retains_grad { get; private set; }

        /// <summary>
        /// Asks backward to keep this intermediate tensor's gradient in .grad (accumulated like a leaf's);
        /// a no-op for leaves, which keep theirs anyway.
        /// </summary>
        public void retain_grad()
        {
            if (!requires_grad)
                throw new InvalidOperationException("retain_grad() needs a tensor that requires grad; this one is outside autograd (it has no grad_fn and requires_grad is false).");
            if (grad_fn is not null) retains_grad = true;
        }

        /// <summary>A tensor sharing this one's storage but cut off from the autograd graph.</summary>
        public Tensor detach() => new(Storage, Shape, Strides, Offset, dtype);

        public Tensor detach_()
        {
            grad_fn = null;
            requiresGrad = false;
            return this;
        }

        /// <summary>Storage is managed memory, so disposing is a no-op kept for TorchSharp-compatible code.</summary>
        public void Dispose() => GC.SuppressFinalize(this);

        internal float[] FloatData => ((FloatStorage)Storage).Data;

        internal long[] LongData => ((LongStorage)Storage).Data;

        /// <summary>This tensor's elements in logical order; callers must hold a contiguous float tensor.</summary>
        internal Span<float> FloatSpan()
        {
            if (!is_contiguous()) throw new InvalidOperationException("internal: FloatSpan needs a contiguous tensor");
            // An empty slice's offset may point past the end of storage (x[2:, 4:, 5:]); it has nothing to read anyway.
            return Count == 0 ? Span<float>.Empty : FloatData.AsSpan((int)Offset, Count);
        }

        internal Span<long> LongSpan()
        {
            if (!is_contiguous()) throw new InvalidOperationException("internal: LongSpan needs a contiguous tensor");
            return Count == 0 ? Span<long>.Empty : LongData.AsSpan((int)Offset, Count);
        }

        public Tensor contiguous() => is_contiguous() ? this : Ops.Clone.Apply(this);

        public Tensor clone() => Ops.Clone.Apply(this);

        public Tensor cpu() => this;

        public Tensor to(Device target)
        {
            CheckDeviceAvailable(target);
            return this;
        }

        public Tensor to(string target) => to(device(target));

        public Tensor to(DeviceType type, int index = -1) => to(new Device(type, index));

        public Tensor to(ScalarType type) => type == dtype ? this : Ops.Cast.Apply(this, type);

        public Tensor to(ScalarType type, Device target) => to(target).to(type);

        public Tensor type(ScalarType type) => to(type);

        public Tensor @float() => to(ScalarType.Float32);

        public Tensor @long() => to(ScalarType.Int64);

        public T item<T>() where T : unmanaged
        {
            if (Count != 1)
                throw new InvalidOperationException(
                    $"item(): a Tensor with {Count} elements (shape {Shapes.Format(Shape)}) cannot be converted to a scalar; reduce it first (e.g. .sum() or .mean()).");
            var value = ElementAsDouble(0);
            return (T)Convert.ChangeType(dtype == ScalarType.Int64 ? LongData[Offset] : (object)value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>Reads the element at logical (row-major) position <paramref name="flat"/>, whatever the strides.</summary>
        internal double ElementAsDouble(long flat)
        {
            var pos = StorageIndex(flat);
            return Storage is LongStorage ls ? ls.Data[pos] : ((FloatStorage)Storage).Data[pos];
        }

        internal long StorageIndex(long flat)
        {
            long pos = Offset;
            for (int d = Shape.Length - 1; d >= 0; d--)
            {
                var size = Shape[d];
                pos += flat % size * Strides[d];
                flat /= size;
            }
            return pos;
        }

        /// <summary>Copies the elements out in logical order (TorchSharp's data&lt;T&gt;().ToArray()).</summary>
        public T[] data<T>() where T : unmanaged => ToArray<T>();

        public T[] ToArray<T>() where T : unmanaged
        {
            var c = contiguous();
            if (typeof(T) == typeof(float) && c.Storage is FloatStorage)
                return (T[])(object)c.FloatSpan().ToArray();
            if (typeof(T) == typeof(long) && c.Storage is LongStorage)
                return (T[])(object)c.LongSpan().ToArray();
            var result = new T[c.Count];
            for (int i = 0; i < result.Length; i++)
                result[i] = (T)Convert.ChangeType(c.ElementAsDouble(i), typeof(T), System.Globalization.CultureInfo.InvariantCulture);
            return result;
        }

        public float[] ToArray() => ToArray<float>();

        internal string Describe() => $"{Shapes.Format(Shape)} {TypeName(dtype)}";
    }
}
