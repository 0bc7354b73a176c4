namespace NotebookDL.Kernels;

/// <summary>Single-precision matrix multiply: C[m×n] = op(A)·op(B) (+ C), all row-major and contiguous.</summary>
internal static unsafe class Gemm
{
    // Below this many multiply-adds packing costs more than it saves.
    private const long DirectThreshold = 1024;
    // Below this a thread hand-off costs more than the second core gains.
    private const long ParallelThreshold = 96 * 96 * 96;

    /// <summary>
    /// C[m×n] (leading dim n) = op(A)·op(B), plus the old C when <paramref name="accumulate"/>.
    /// A is m×k row-major, or k×m when <paramref name="transA"/>; B is k×n row-major, or n×k when <paramref name="transB"/>.
    /// </summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        bool transA = false, bool transB = false, bool accumulate = false)
        => MultiplyBatched(a, 0, b, 0, c, 0, 1, m, n, k, transA, transB, accumulate);

    /// <summary>
    /// <paramref name="count"/> independent products; item i reads A at i·strideA, B at i·strideB and writes C at i·strideC.
    /// A stride of 0 broadcasts that operand. strideC = 0 sums every product into the one C (after clearing it unless accumulating).
    /// </summary>
    public static void MultiplyBatched(ReadOnlySpan<float> a, int strideA, ReadOnlySpan<float> b, int strideB, Span<float> c, int strideC,
        int count, int m, int n, int k, bool transA = false, bool transB = false, bool accumulate = false)
    {
        Validate(a.Length, strideA, b.Length, strideB, c.Length, strideC, count, m, n, k);
        if (count == 0 || m == 0 || n == 0) return;

        fixed (float* aPtr = a, bPtr = b, cPtr = c)
        {
            var task = new GemmTask
            {
                A = aPtr, B = bPtr, C = cPtr,
                StrideA = strideA, StrideB = strideB, StrideC = strideC,
                M = m, N = n, K = k,
                // op(A)(i, p) = A[i * ARowStride + p * ADepthStride]; likewise op(B)(p, j) = B[p * BDepthStride + j * BColStride].
                ARowStride = transA ? 1 : k, ADepthStride = transA ? m : 1,
                BDepthStride = transB ? 1 : n, BColStride = transB ? k : 1,
                Accumulate = accumulate,
            };

            if (k == 0)
            {
                // An empty sum: C becomes zero, or keeps its value when accumulating.
                if (!accumulate)
                    for (int item = 0; item < (strideC == 0 ? 1 : count); item++) new Span<float>(cPtr + (nint)item * strideC, m * n).Clear();
                return;
            }
            if (strideC == 0 && count > 1)
            {
                // A shared C must see the items one after another; only the inside of each product runs in parallel.
                if (!accumulate) new Span<float>(cPtr, m * n).Clear();
                task.Accumulate = true;
                for (int item = 0; item < count; item++)
                    task.RunItemSliced(item);
                return;
            }
            task.Run(count);
        }
    }

    private static void Validate(int aLength, int strideA, int bLength, int strideB, int cLength, int strideC, int count, int m, int n, int k)
    {
        if (m < 0 || n < 0 || k < 0 || count < 0) throw new ArgumentOutOfRangeException(nameof(count), "count, m, n and k must be non-negative.");
        if (strideA < 0 || strideB < 0 || strideC < 0) throw new ArgumentOutOfRangeException(nameof(strideA), "Batch strides must be non-negative.");
        if (count == 0 || m == 0 || n == 0) return;
        long last = count - 1;
        if (strideC != 0 && count > 1 && strideC < (long)m * n) throw new ArgumentException("Batch items of C overlap.", nameof(strideC));
        if (cLength < last * strideC + (long)m * n) throw new ArgumentException("C is too short.", nameof(cLength));
        if (k == 0) return;
        if (aLength < last * strideA + (long)m * k) throw new ArgumentException("A is too short.", nameof(aLength));
        if (bLength < last * strideB + (long)k * n) throw new ArgumentException("B is too short.", nameof(bLength));
    }

    /// <summary>One product, or one batch, as plain pointers so that pool workers can share it.</summary>
    private struct GemmTask : IParallelBody
    {
        public float* A, B, C;
        public int StrideA, StrideB, StrideC;
        public int M, N, K;
        public nint ARowStride, ADepthStride, BDepthStride, BColStride;
        public bool Accumulate;
        public int Slices;
        public bool SplitColumns;

        public void Run(int count)
        {
            long work = (long)M * N * K;
            int threads = work * count >= ParallelThreshold ? WorkerPool.NumThreads : 1;
            // Whole items balance well once there are several per thread; otherwise cut each product into slices.
            PlanSlices(count >= 4 * threads || work < ParallelThreshold ? 1 : threads);
            if (threads == 1)
            {
                for (int index = 0; index < count * Slices; index++) Invoke(index);
                return;
            }
            WorkerPool.For(count * Slices, this);
        }

        public void RunItemSliced(int item)
        {
            PlanSlices((long)M * N * K >= ParallelThreshold ? WorkerPool.NumThreads : 1);
            var itemTask = this;
            itemTask.A += (nint)item * StrideA;
            itemTask.B += (nint)item * StrideB;
            itemTask.StrideA = itemTask.StrideB = itemTask.StrideC = 0;
            if (Slices == 1) itemTask.Invoke(0);
            else WorkerPool.For(Slices, itemTask);
        }

        // Every slice packs the whole of the operand that is not split: splitting columns of C repacks all of A,
        // splitting rows repacks all of B. Duplicate the cheaper one, where packing a transposed layout costs about
        // twice a straight copy. Slice edges stay on micro-tile boundaries so no slice wastes padding.
        private void PlanSlices(int wanted)
        {
            int rowTiles = CeilDiv(M, GemmBlocking.TileRows), colTiles = CeilDiv(N, GemmBlocking.TileCols);
            long repackA = (long)M * (ADepthStride == 1 ? 2 : 1), repackB = (long)N * (BColStride == 1 ? 1 : 2);
            SplitColumns = colTiles >= wanted && (repackA <= repackB || rowTiles < wanted);
            Slices = Math.Max(1, Math.Min(wanted, SplitColumns ? colTiles : rowTiles));
        }

        public readonly void Invoke(int index)
        {
            int item = index / Slices, slice = index % Slices;
            float* a = A + (nint)item * StrideA, b = B + (nint)item * StrideB, c = C + (nint)item * StrideC;
            int m = M, n = N;
            if (Slices > 1)
            {
                int extent = SplitColumns ? N : M;
                int tile = SplitColumns ? GemmBlocking.TileCols : GemmBlocking.TileRows;
                int tiles = CeilDiv(extent, tile);
                int first = (int)((long)tiles * slice / Slices) * tile;
                int end = Math.Min(extent, (int)((long)tiles * (slice + 1) / Slices) * tile);
                if (SplitColumns)
                {
                    b += first * BColStride;
                    c += first;
                    n = end - first;
                }
                else
                {
                    a += first * ARowStride;
                    c += (nint)first * N;
                    m = end - first;
                }
            }
            if (m <= 0 || n <= 0) return;
            // A single row or column is a matrix-vector product: memory-bound, and packing would double the traffic.
            // A few contiguous rows of A likewise run best as long dot/axpy sweeps rather than mostly-padding tiles.
            bool direct = (long)m * n * K < DirectThreshold || m == 1 || n == 1 || m <= 4 && ADepthStride == 1;
            if (direct || !GemmBlocking.IsVectorized)
                GemmDirect.Multiply(a, ARowStride, ADepthStride, b, BDepthStride, BColStride, c, N, m, n, K, Accumulate);
            else
                GemmBlocking.Multiply(a, ARowStride, ADepthStride, b, BDepthStride, BColStride, c, N, m, n, K, Accumulate);
        }
    }

    private static int CeilDiv(int value, int divisor) => (value + divisor - 1) / divisor;
}
