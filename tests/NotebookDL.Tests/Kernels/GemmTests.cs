using NotebookDL.Kernels;

namespace NotebookDL.Tests.Kernels;

// One test changes the process-wide thread count; share the serialized collection with the pool tests.
[Collection(nameof(WorkerPoolTests))]
public class GemmTests
{
    private const double RelativeTolerance = 1e-4;

    // Tiny and few-row shapes take the unpacked path; odd sizes hit partial register tiles;
    // 300/600/1100 cross the row, depth and column block sizes of the packed path.
    private static readonly (int M, int N, int K)[] Shapes =
    [
        (1, 1, 1), (2, 3, 4), (5, 7, 9), (1, 17, 3), (3, 1, 17), (4, 50, 30), (1, 200, 65), (65, 1, 127), (17, 33, 65), (33, 65, 17),
        (65, 127, 33), (127, 200, 65), (200, 65, 127), (13, 35, 600), (300, 40, 20), (20, 1100, 10), (47, 71, 1),
    ];

    public static TheoryData<int, int, int, bool, bool, bool> AllShapesAndFlags()
    {
        var data = new TheoryData<int, int, int, bool, bool, bool>();
        foreach (var (m, n, k) in Shapes)
            foreach (bool transA in new[] { false, true })
                foreach (bool transB in new[] { false, true })
                    foreach (bool accumulate in new[] { false, true })
                        data.Add(m, n, k, transA, transB, accumulate);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllShapesAndFlags))]
    public void Multiply_RandomOperands_MatchesNaiveProduct(int m, int n, int k, bool transA, bool transB, bool accumulate)
    {
        var random = new Random(m * 1_000_003 + n * 1009 + k);
        float[] a = RandomArray(random, m * k), b = RandomArray(random, k * n), c = RandomArray(random, m * n);
        float[] initialC = (float[])c.Clone();

        Gemm.Multiply(a, b, c, m, n, k, transA, transB, accumulate);

        AssertMatchesReference(a, b, accumulate ? initialC : null, c, m, n, k, transA, transB);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Multiply_LargeSquareWithThreadCount_MatchesNaiveProduct(int threads)
    {
        const int size = 257;
        var random = new Random(threads);
        float[] a = RandomArray(random, size * size), b = RandomArray(random, size * size), c = new float[size * size];
        int saved = WorkerPool.NumThreads;
        try
        {
            WorkerPool.NumThreads = threads;
            Gemm.Multiply(a, b, c, size, size, size, transA: true, transB: false);
        }
        finally
        {
            WorkerPool.NumThreads = saved;
        }
        AssertMatchesReference(a, b, null, c, size, size, size, true, false);
    }

    [Theory]
    [InlineData(5, 0, false, 0f)]
    [InlineData(5, 0, true, 7f)]
    [InlineData(0, 3, false, 7f)]
    [InlineData(1, 0, false, 0f)]
    public void Multiply_DegenerateSizes_ClearsOrKeepsC(int m, int k, bool accumulate, float expected)
    {
        int n = 4;
        float[] c = Enumerable.Repeat(7f, Math.Max(m, 1) * n).ToArray();
        Gemm.Multiply(new float[m * k], new float[k * n], c, m, n, k, accumulate: accumulate);
        // With m == 0 nothing belongs to C, so nothing may be written.
        Assert.All(c, value => Assert.Equal(m == 0 ? 7f : expected, value));
    }

    [Theory]
    [InlineData(6, false, 0f)]
    [InlineData(6, true, 7f)]
    [InlineData(0, false, 0f)]
    public void MultiplyBatched_EmptyDepth_ClearsOrKeepsEveryItem(int strideC, bool accumulate, float expected)
    {
        const int count = 3;
        float[] c = Enumerable.Repeat(7f, 18).ToArray();
        Gemm.MultiplyBatched([], 0, [], 0, c, strideC, count, 2, 3, 0, accumulate: accumulate);
        // With a shared C only its first m·n entries belong to the product.
        int written = strideC == 0 ? 6 : 18;
        Assert.All(c.Take(written), value => Assert.Equal(expected, value));
        Assert.All(c.Skip(written), value => Assert.Equal(7f, value));
    }

    [Theory]
    [InlineData(0, 1, false, false)]
    [InlineData(1, 0, true, false)]
    [InlineData(1, 1, false, true)]
    [InlineData(0, 1, true, true)]
    public void MultiplyBatched_BroadcastOperand_MatchesPerItemProducts(int aIsShared, int bIsShared, bool transA, bool transB)
    {
        const int count = 5, m = 19, n = 37, k = 45;
        var random = new Random(count + aIsShared * 2 + bIsShared);
        int strideA = aIsShared == 1 ? 0 : m * k, strideB = bIsShared == 1 ? 0 : k * n;
        float[] a = RandomArray(random, (count - 1) * strideA + m * k);
        float[] b = RandomArray(random, (count - 1) * strideB + k * n);
        float[] c = new float[count * m * n];

        Gemm.MultiplyBatched(a, strideA, b, strideB, c, m * n, count, m, n, k, transA, transB);

        for (int item = 0; item < count; item++)
        {
            AssertMatchesReference(a.AsSpan(item * strideA, m * k).ToArray(), b.AsSpan(item * strideB, k * n).ToArray(), null,
                c.AsSpan(item * m * n, m * n).ToArray(), m, n, k, transA, transB);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MultiplyBatched_SharedOutput_SumsAllProducts(bool accumulate)
    {
        const int count = 4, m = 33, n = 70, k = 50;
        var random = new Random(42);
        float[] a = RandomArray(random, count * m * k), b = RandomArray(random, count * k * n), c = RandomArray(random, m * n);
        double[] expected = accumulate ? c.Select(v => (double)v).ToArray() : new double[m * n];
        double[] scale = expected.Select(v => Math.Abs(v) + 1e-6).ToArray();
        for (int item = 0; item < count; item++)
        {
            double[] product = NaiveProduct(a.AsSpan(item * m * k, m * k), b.AsSpan(item * k * n, k * n), m, n, k, true, false, out double[] magnitude);
            for (int i = 0; i < product.Length; i++)
            {
                expected[i] += product[i];
                scale[i] += magnitude[i];
            }
        }

        Gemm.MultiplyBatched(a, m * k, b, k * n, c, 0, count, m, n, k, transA: true, accumulate: accumulate);

        for (int i = 0; i < c.Length; i++)
            Assert.True(Math.Abs(c[i] - expected[i]) <= RelativeTolerance * scale[i], $"C[{i}] = {c[i]}, expected {expected[i]}");
    }

    [Theory]
    [InlineData(8, 9, 9)]
    [InlineData(9, 8, 9)]
    [InlineData(9, 9, 8)]
    public void Multiply_BufferTooShort_Throws(int aLength, int bLength, int cLength)
    {
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(new float[aLength], new float[bLength], new float[cLength], 3, 3, 3));
    }

    private static float[] RandomArray(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }

    private static double[] NaiveProduct(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int m, int n, int k, bool transA, bool transB, out double[] magnitude)
    {
        var product = new double[m * n];
        magnitude = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0, absSum = 0;
                for (int p = 0; p < k; p++)
                {
                    double term = (double)a[transA ? p * m + i : i * k + p] * b[transB ? j * k + p : p * n + j];
                    sum += term;
                    absSum += Math.Abs(term);
                }
                product[i * n + j] = sum;
                magnitude[i * n + j] = absSum;
            }
        }
        return product;
    }

    private static void AssertMatchesReference(float[] a, float[] b, float[]? initialC, float[] actual, int m, int n, int k, bool transA, bool transB)
    {
        double[] expected = NaiveProduct(a, b, m, n, k, transA, transB, out double[] magnitude);
        for (int i = 0; i < m * n; i++)
        {
            double reference = expected[i] + (initialC?[i] ?? 0);
            // Error is bounded relative to the sum of |terms|, not the (possibly cancelling) result.
            double scale = magnitude[i] + Math.Abs(initialC?[i] ?? 0) + 1e-6;
            Assert.True(Math.Abs(actual[i] - reference) <= RelativeTolerance * scale,
                $"C[{i / n},{i % n}] = {actual[i]}, expected {reference} (m={m}, n={n}, k={k}, transA={transA}, transB={transB})");
        }
    }
}
