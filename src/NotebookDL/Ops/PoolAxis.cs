namespace NotebookDL.Ops;

/// <summary>
/// One axis of a pooling grid: output i reads input [Start[i], End[i]) (already clipped to the input) and,
/// for average pooling, divides by Divisor[i] along this axis. Every 2-D pooling window is a product of two axes.
/// </summary>
internal sealed class PoolAxis(int[] start, int[] end, int[] divisor)
{
    public int Count => start.Length;
    public int Start(int i) => start[i];
    public int End(int i) => end[i];
    public int Divisor(int i) => divisor[i];

    /// <summary>Windows of <paramref name="kernel"/> every <paramref name="stride"/> over the input padded by <paramref name="pad"/> on both sides.</summary>
    public static PoolAxis Sliding(int size, int kernel, int stride, int pad, int count, bool countIncludePad)
    {
        var (s, e, d) = (new int[count], new int[count], new int[count]);
        for (int i = 0; i < count; i++)
        {
            long first = (long)i * stride - pad;
            // PyTorch clips the window to the padded input for the count_include_pad divisor, then to the real input.
            long last = Math.Min(first + kernel, size + pad);
            long padded = last - first;
            first = Math.Max(first, 0);
            last = Math.Min(last, size);
            (s[i], e[i]) = ((int)first, (int)Math.Max(first, last));
            d[i] = (int)(countIncludePad ? padded : e[i] - s[i]);
        }
        return new PoolAxis(s, e, d);
    }

    /// <summary>PyTorch's adaptive windows: start = ⌊i·size/count⌋, end = ⌈(i+1)·size/count⌉, so neighbours may overlap.</summary>
    public static PoolAxis Adaptive(int size, int count)
    {
        var (s, e, d) = (new int[count], new int[count], new int[count]);
        for (int i = 0; i < count; i++)
        {
            s[i] = (int)((long)i * size / count);
            e[i] = (int)(((long)(i + 1) * size + count - 1) / count);
            d[i] = e[i] - s[i];
        }
        return new PoolAxis(s, e, d);
    }
}
