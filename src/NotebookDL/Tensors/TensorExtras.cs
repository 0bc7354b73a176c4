using System.Numerics.Tensors;

namespace NotebookDL;

public static partial class torch
{
    public partial class Tensor
    {
        public Tensor sin() => Ops.SinFunction.Apply(this);

        public Tensor cos() => Ops.CosFunction.Apply(this);

        /// <summary>
        /// Tiles the tensor: repeats[i] copies along dim i (leading repeats add new dims), e.g. [2, 3].repeat(2, 1)
        /// is [4, 3]. Built from expand and reshape, so gradients sum over the copies.
        /// </summary>
        public Tensor repeat(params long[] repeats)
        {
            if (repeats.Length < Shape.Length)
                throw new ArgumentException($"repeat: give at least one count per dim ({Shape.Length} for shape {Shapes.Format(Shape)}), got {repeats.Length}.");
            if (repeats.Any(r => r < 0)) throw new ArgumentException($"repeat: counts must be ≥ 0, got [{string.Join(", ", repeats)}].");
            var shape = Enumerable.Repeat(1L, repeats.Length - Shape.Length).Concat(Shape).ToArray();
            // [a, b] → [1, a, 1, b] → expand to [r0, a, r1, b] → reshape to [r0·a, r1·b]
            var interleaved = shape.SelectMany(d => new[] { 1L, d }).ToArray();
            var expanded = shape.SelectMany((d, i) => new[] { repeats[i], d }).ToArray();
            return reshape(interleaved).expand(expanded).contiguous().reshape(shape.Select((d, i) => d * repeats[i]).ToArray());
        }

        /// <summary>Reverses the order of elements along each of <paramref name="dims"/> (an index_select, so differentiable).</summary>
        public Tensor flip(params long[] dims)
        {
            var result = this;
            foreach (var d in dims.Distinct())
            {
                var dim = Shapes.WrapDim(d, Shape.Length, "flip");
                var reversed = arange(Shape[dim] - 1, -1, -1, dtype: ScalarType.Int64);
                result = result.index_select(dim, reversed);
            }
            return result;
        }

        /// <summary>The indices of the non-zero elements, one row per element: shape [count, dim], int64.</summary>
        public Tensor nonzero()
        {
            var flat = contiguous().to(ScalarType.Float32).reshape(-1).ToArray<float>();
            var rows = new List<long>();
            for (long i = 0; i < flat.LongLength; i++)
            {
                if (flat[i] == 0) continue;
                var rest = i;
                var index = new long[Shape.Length];
                for (int d = Shape.Length - 1; d >= 0; d--)
                {
                    index[d] = rest % Shape[d];
                    rest /= Shape[d];
                }
                rows.AddRange(index);
            }
            return new Tensor(rows.ToArray(), [rows.Count / Math.Max(1, Shape.Length), Shape.Length]);
        }

        /// <summary>The p-norm of all elements, (Σ|x|ᵖ)^(1/p); p = 2 is the Euclidean (Frobenius) norm.</summary>
        public Tensor norm(double p = 2) => p == 2 ? pow(2).sum().sqrt() : abs().pow(p).sum().pow(1 / p);

        /// <summary>The p-norm along one dim.</summary>
        public Tensor norm(long dim, bool keepdim = false, double p = 2) =>
            p == 2 ? pow(2).sum(dim, keepdim).sqrt() : abs().pow(p).sum(dim, keepdim).pow(1 / p);

        /// <summary>Rounds half to even, as torch.round does; the result is outside autograd (its gradient is zero anyway).</summary>
        public Tensor round() => IsFloat ? Ops.Elementwise.Unary(this, "round", static (s, d) => TensorPrimitives.Round(s, MidpointRounding.ToEven, d)) : clone();

        public Tensor floor() => IsFloat ? Ops.Elementwise.Unary(this, "floor", TensorPrimitives.Floor) : clone();

        public Tensor ceil() => IsFloat ? Ops.Elementwise.Unary(this, "ceil", TensorPrimitives.Ceiling) : clone();

        /// <summary>Element-wise AND of two bool (or 0/1) tensors, broadcasting.</summary>
        public Tensor logical_and(Tensor other) => (to(ScalarType.Bool).to(ScalarType.Float32) * other.to(ScalarType.Bool).to(ScalarType.Float32)).to(ScalarType.Bool);

        public Tensor logical_or(Tensor other) => (to(ScalarType.Bool).to(ScalarType.Float32) + other.to(ScalarType.Bool).to(ScalarType.Float32)).to(ScalarType.Bool);

        public Tensor logical_not() => eq(0.0);

        public static Tensor operator &(Tensor a, Tensor b) => a.logical_and(b);

        public static Tensor operator |(Tensor a, Tensor b) => a.logical_or(b);

        /// <summary>True where the value is NaN (the only value not equal to itself).</summary>
        public Tensor isnan() => ne(this);

        /// <summary>True when both tensors have the same shape and the same values (torch.equal).</summary>
        public bool equal(Tensor other) => Equals(other);

        /// <summary>0/1 samples, each 1 with the probability this tensor holds (values in [0, 1]).</summary>
        public Tensor bernoulli(Generator? generator = null)
        {
            var probabilities = detach().to(ScalarType.Float32);
            if (probabilities.lt(0.0).any().item<bool>() || probabilities.gt(1.0).any().item<bool>() || probabilities.isnan().any().item<bool>())
                throw new ArgumentException("bernoulli: every probability must be in [0, 1].");
            return (rand(Shape, generator: generator) < probabilities).to(ScalarType.Float32);
        }
    }

    public static Tensor sin(Tensor x) => x.sin();

    public static Tensor flip(Tensor x, params long[] dims) => x.flip(dims);

    public static Tensor cos(Tensor x) => x.cos();

    public static bool equal(Tensor a, Tensor b) => a.equal(b);

    public static Tensor bernoulli(Tensor p, Generator? generator = null) => p.bernoulli(generator);

    public static Tensor nonzero(Tensor x) => x.nonzero();

    public static Tensor isnan(Tensor x) => x.isnan();

    public static Tensor round(Tensor x) => x.round();

    public static Tensor floor(Tensor x) => x.floor();

    public static Tensor ceil(Tensor x) => x.ceil();
}
