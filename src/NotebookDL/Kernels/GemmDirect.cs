using System.Numerics.Tensors;

namespace NotebookDL.Kernels;

/// <summary>
/// Unpacked GEMM for products too small to repay packing, and for hardware without wide vectors.
/// It picks the loop order whose innermost loop runs over contiguous memory.
/// </summary>
internal static unsafe class GemmDirect
{
    /// <summary>C[m×n] (leading dim ldc) = op(A)·op(B) (+ C); op(A)(i, p) = a[i·aRow + p·aDepth], op(B)(p, j) = b[p·bDepth + j·bCol].</summary>
    public static void Multiply(float* a, nint aRow, nint aDepth, float* b, nint bDepth, nint bCol, float* c, nint ldc,
        int m, int n, int k, bool accumulate)
    {
        if (!accumulate)
            for (int i = 0; i < m; i++) new Span<float>(c + i * ldc, n).Clear();

        if (bCol == 1 && n > 1)
        {
            // Rows of B are contiguous: each C row is a sum of scaled B rows.
            for (int i = 0; i < m; i++)
            {
                var cRow = new Span<float>(c + i * ldc, n);
                for (int p = 0; p < k; p++)
                {
                    float scale = a[i * aRow + p * aDepth];
                    TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(b + p * bDepth, n), scale, cRow, cRow);
                }
            }
            return;
        }
        if (aDepth == 1 && bDepth == 1)
        {
            // Rows of op(A) and columns of op(B) are both contiguous along k: every entry is one dot product.
            for (int i = 0; i < m; i++)
            {
                var aRowSpan = new ReadOnlySpan<float>(a + i * aRow, k);
                for (int j = 0; j < n; j++)
                    c[i * ldc + j] += TensorPrimitives.Dot(aRowSpan, new ReadOnlySpan<float>(b + j * bCol, k));
            }
            return;
        }
        if (aRow == 1 && n == 1 && ldc == 1)
        {
            // A single output column with A stored transposed: sum scaled rows of the stored A into that column.
            var cColumn = new Span<float>(c, m);
            for (int p = 0; p < k; p++)
                TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(a + p * aDepth, m), b[p * bDepth], cColumn, cColumn);
            return;
        }
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0f;
                for (int p = 0; p < k; p++) sum += a[i * aRow + p * aDepth] * b[p * bDepth + j * bCol];
                c[i * ldc + j] += sum;
            }
        }
    }
}
