namespace NotebookDL.Ops;

/// <summary>
/// Turns the [v] / [vH, vW] (and, for convolution padding, [top, bottom, left, right]) lists of the
/// functional conv and pool API into checked ints, so the kernels never see a negative or oversized value.
/// </summary>
internal static class Window2d
{
    /// <summary>[v] means v for both dims; null or empty means <paramref name="fallback"/>.</summary>
    public static (int H, int W) Pair(long[]? values, long fallback, string what, string op, long min)
    {
        if (values is null || values.Length == 0) values = [fallback];
        if (values.Length > 2)
            throw new ArgumentException($"{op}: {what} must be [v] or [vH, vW] but got {Shapes.Format(values)}.");
        return (Check(values[0], values, what, op, min), Check(values[^1], values, what, op, min));
    }

    /// <summary>Zero padding as [p], [pH, pW] (symmetric) or [top, bottom, left, right].</summary>
    public static (int Top, int Bottom, int Left, int Right) Padding(long[]? values, string op)
    {
        if (values is { Length: 4 })
            return (Check(values[0], values, "padding", op, 0), Check(values[1], values, "padding", op, 0),
                Check(values[2], values, "padding", op, 0), Check(values[3], values, "padding", op, 0));
        if (values is { Length: 3 } || values?.Length > 4)
            throw new ArgumentException($"{op}: padding must be [p], [pH, pW] or [top, bottom, left, right] but got {Shapes.Format(values)}.");
        var (h, w) = Pair(values, 0, "padding", op, 0);
        return (h, h, w, w);
    }

    private static int Check(long value, long[] all, string what, string op, long min)
    {
        if (value < min)
            throw new ArgumentException($"{op}: {what} must be {(min == 0 ? "non-negative" : "positive")} but got {Shapes.Format(all)}.");
        if (value > int.MaxValue)
            throw new ArgumentException($"{op}: {what} {Shapes.Format(all)} is too large.");
        return (int)value;
    }
}
