using NotebookDL.Kernels;

namespace NotebookDL;

public static partial class torch
{
    /// <summary>torch.linalg: linear-algebra routines.</summary>
    public static partial class linalg
    {
        /// <summary>
        /// Eigen-decomposition of symmetric matrices [*, n, n], read from the lower (UPLO 'L') or upper ('U') triangle:
        /// returns eigenvalues [*, n] in ascending order and eigenvectors [*, n, n] as columns, so A = Q·diag(λ)·Qᵀ.
        /// Cyclic Jacobi rotations in double precision; each eigenvector's sign is arbitrary, as in PyTorch.
        /// Not differentiable: call it under no_grad or on a detached tensor.
        /// </summary>
        public static (Tensor, Tensor) eigh(Tensor input, char UPLO = 'L')
        {
            ArgumentNullException.ThrowIfNull(input);
            var s = input.Shape;
            if (s.Length < 2 || s[^1] != s[^2])
                throw new ArgumentException($"linalg.eigh: expected square matrices [*, n, n] but got {Shapes.Format(s)}.");
            if (UPLO is not ('L' or 'U'))
                throw new ArgumentException($"linalg.eigh: UPLO must be 'L' or 'U', got '{UPLO}'.");
            if (!input.IsFloat)
                throw new ArgumentException($"linalg.eigh: expected a floating point tensor but got {input.dtype}; convert it with .to(torch.float32).");
            if (input.requires_grad && autograd.GradMode.IsEnabled)
                throw new NotSupportedException("linalg.eigh: gradients through an eigen-decomposition are not supported; call it inside using (torch.no_grad()) or on input.detach().");
            var n = (int)s[^1];
            var data = input.contiguous().FloatSpan().ToArray();
            var count = data.Length / Math.Max(1, n * n);
            var values = new float[count * n];
            var vectors = new float[count * n * n];
            for (int m = 0; m < count; m++)
                Jacobi.Decompose(data.AsSpan(m * n * n, n * n), n, UPLO == 'L', values.AsSpan(m * n, n), vectors.AsSpan(m * n * n, n * n));
            return (new Tensor(values, s[..^1]), new Tensor(vectors, s));
        }
    }
}
