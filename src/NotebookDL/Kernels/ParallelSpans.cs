namespace NotebookDL.Kernels;

/// <summary>
/// Splits an elementwise pass over a long array into one contiguous block per thread. Below
/// <see cref="MinBlock"/> elements per thread the hand-off to a helper costs more than the work, so short
/// arrays run inline on the caller.
/// </summary>
internal static class ParallelSpans
{
    /// <summary>Elements per block worth a hand-off (~64 KiB of floats, well above the pool's wake-up cost).</summary>
    internal const int MinBlock = 1 << 14;

    /// <summary>Calls body(start, length) for consecutive blocks covering [0, count).</summary>
    public static void For(long count, Action<int, int> body)
    {
        var blocks = (int)Math.Clamp(count / MinBlock, 1, WorkerPool.NumThreads);
        if (blocks == 1)
        {
            if (count > 0) body(0, checked((int)count));
            return;
        }
        // Block boundaries on multiples of 16 keep every block's vector loads aligned alike.
        var step = (count + blocks - 1) / blocks + 15 & ~15L;
        WorkerPool.For(blocks, b =>
        {
            var start = b * step;
            var end = Math.Min(count, start + step);
            if (start < end) body((int)start, (int)(end - start));
        });
    }
}
