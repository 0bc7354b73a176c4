namespace NotebookDL.Kernels;

/// <summary>
/// The cyclic Jacobi eigenvalue method for a symmetric matrix: plane rotations zero the off-diagonal entries one
/// pair at a time until they vanish; the product of the rotations holds the eigenvectors. Quadratically convergent
/// and accurate to working precision for the small matrices (patch covariances, Gram matrices) it is used on.
/// </summary>
internal static class Jacobi
{
    private const int MaxSweeps = 100;

    public static void Decompose(ReadOnlySpan<float> matrix, int n, bool lower, Span<float> eigenvalues, Span<float> eigenvectors)
    {
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                a[i, j] = (lower ? i >= j : i <= j) ? matrix[i * n + j] : matrix[j * n + i];
        var v = new double[n, n];
        for (int i = 0; i < n; i++) v[i, i] = 1;

        // Converged when the off-diagonal mass is negligible next to the whole matrix's (relative, so tiny matrices rotate too).
        for (int sweep = 0; sweep < MaxSweeps && OffDiagonal(a, n) > 1e-30 * (Diagonal(a, n) + OffDiagonal(a, n)); sweep++)
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                    if (a[p, q] != 0) Rotate(a, v, n, p, q);

        // Ascending eigenvalues, eigenvectors as the matching columns.
        var order = Enumerable.Range(0, n).OrderBy(i => a[i, i]).ToArray();
        for (int k = 0; k < n; k++)
        {
            eigenvalues[k] = (float)a[order[k], order[k]];
            for (int i = 0; i < n; i++) eigenvectors[i * n + k] = (float)v[i, order[k]];
        }
    }

    /// <summary>Applies the rotation in the (p, q) plane that zeroes a[p, q] (Golub and Van Loan, Algorithm 8.4.2).</summary>
    private static void Rotate(double[,] a, double[,] v, int n, int p, int q)
    {
        var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
        var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        var c = 1 / Math.Sqrt(t * t + 1);
        var s = t * c;
        for (int k = 0; k < n; k++)
        {
            double akp = a[k, p], akq = a[k, q];
            a[k, p] = c * akp - s * akq;
            a[k, q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++)
        {
            double apk = a[p, k], aqk = a[q, k];
            a[p, k] = c * apk - s * aqk;
            a[q, k] = s * apk + c * aqk;
        }
        // The rotation zeroes this pair exactly in exact arithmetic; storing the zero drops the rounding residue.
        a[p, q] = a[q, p] = 0;
        for (int k = 0; k < n; k++)
        {
            double vkp = v[k, p], vkq = v[k, q];
            v[k, p] = c * vkp - s * vkq;
            v[k, q] = s * vkp + c * vkq;
        }
    }

    private static double OffDiagonal(double[,] a, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j) sum += a[i, j] * a[i, j];
        return sum;
    }

    private static double Diagonal(double[,] a, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += a[i, i] * a[i, i];
        return sum;
    }
}
