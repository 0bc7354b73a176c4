using NotebookDL.Ops;

namespace NotebookDL;

public static partial class torch
{
    public partial class Tensor
    {
        public Tensor sum() => SumFunction.Apply(this, null, false);
        public Tensor sum(long dim, bool keepdim = false) => SumFunction.Apply(this, [dim], keepdim);
        public Tensor sum(long[] dim, bool keepdim = false) => SumFunction.Apply(this, dim, keepdim);

        public Tensor mean() => mean(Array.Empty<long>());
        public Tensor mean(long dim, bool keepdim = false) => mean([dim], keepdim);

        public Tensor mean(long[] dim, bool keepdim = false)
        {
            if (!IsFloat)
                throw new ArgumentException($"mean(): could not infer output dtype. Input dtype must be floating point, but got {TypeName(dtype)}; use .to(torch.float32).mean().");
            var dims = SumFunction.NormalizeDims(dim, Shape.Length, "mean");
            long n = 1;
            foreach (var d in dims) n *= Shape.Length == 0 ? 1 : Shape[d];
            return sum(dims.Select(d => (long)d).ToArray(), keepdim) / (double)n;
        }

        /// <summary>The largest element (a 0-dim tensor); tied elements share the gradient.</summary>
        public Tensor max() => ExtremumEvenFunction.Apply(this, null, false, isMax: true);
        public Tensor min() => ExtremumEvenFunction.Apply(this, null, false, isMax: false);

        public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => ExtremumAlongDimFunction.Apply(this, dim, keepdim, isMax: true);
        public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => ExtremumAlongDimFunction.Apply(this, dim, keepdim, isMax: false);

        /// <summary>Max along a dim without indices; unlike max(dim), tied elements share the gradient.</summary>
        public Tensor amax(long dim, bool keepdim = false) => ExtremumEvenFunction.Apply(this, dim, keepdim, isMax: true);
        public Tensor amin(long dim, bool keepdim = false) => ExtremumEvenFunction.Apply(this, dim, keepdim, isMax: false);

        public Tensor argmax() => reshape(-1).max(0).indexes;
        public Tensor argmin() => reshape(-1).min(0).indexes;
        public Tensor argmax(long dim, bool keepdim = false) => max(dim, keepdim).indexes;
        public Tensor argmin(long dim, bool keepdim = false) => min(dim, keepdim).indexes;

        public Tensor var(bool unbiased = true) => var(Array.Empty<long>(), unbiased);
        public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => var([dim], unbiased, keepdim);

        /// <summary>Σ(x − mean)² / (N − 1), or / N when <paramref name="unbiased"/> is false.</summary>
        public Tensor var(long[] dim, bool unbiased = true, bool keepdim = false)
        {
            var dims = SumFunction.NormalizeDims(dim, Shape.Length, "var");
            long n = 1;
            foreach (var d in dims) n *= Shape.Length == 0 ? 1 : Shape[d];
            var centered = this - mean(dims.Select(d => (long)d).ToArray(), keepdim: true);
            var divisor = unbiased ? n - 1 : n;
            return (centered * centered).sum(dims.Select(d => (long)d).ToArray(), keepdim) / (double)divisor;
        }

        public Tensor std(bool unbiased = true) => var(unbiased).sqrt();
        public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => var(dim, unbiased, keepdim).sqrt();
        public Tensor std(long[] dim, bool unbiased = true, bool keepdim = false) => var(dim, unbiased, keepdim).sqrt();

        /// <summary>log Σ eˣ along a dim, shifted by the max so large inputs do not overflow.</summary>
        public Tensor logsumexp(long dim, bool keepdim = false)
        {
            var shift = max(dim, keepdim: true).values.detach();
            var result = (this - shift).exp().sum(dim, keepdim: true).log() + shift;
            return keepdim ? result : result.squeeze(dim);
        }
    }

    public static Tensor sum(Tensor x) => x.sum();
    public static Tensor sum(Tensor x, long dim, bool keepdim = false) => x.sum(dim, keepdim);
    public static Tensor mean(Tensor x) => x.mean();
    public static Tensor mean(Tensor x, long dim, bool keepdim = false) => x.mean(dim, keepdim);
    public static Tensor max(Tensor x) => x.max();
    public static Tensor min(Tensor x) => x.min();
    public static Tensor argmax(Tensor x) => x.argmax();
    public static Tensor argmax(Tensor x, long dim, bool keepdim = false) => x.argmax(dim, keepdim);
    public static Tensor argmin(Tensor x, long dim, bool keepdim = false) => x.argmin(dim, keepdim);
    public static Tensor var(Tensor x, bool unbiased = true) => x.var(unbiased);
    public static Tensor std(Tensor x, bool unbiased = true) => x.std(unbiased);
    public static Tensor logsumexp(Tensor x, long dim, bool keepdim = false) => x.logsumexp(dim, keepdim);
}
