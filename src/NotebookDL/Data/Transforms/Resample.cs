namespace NotebookDL;

/// <summary>The pixel kernels behind the geometric transforms; each works on one H×W plane.</summary>
internal static class Resample
{
    /// <summary>dst[y, x] = src[y + rowOffset, x + colOffset], or <paramref name="fill"/> outside src (crops and whole-pixel shifts).</summary>
    public static void Window(ReadOnlySpan<float> src, int h, int w, Span<float> dst, int outH, int outW, int rowOffset, int colOffset, float fill)
    {
        for (int y = 0; y < outH; y++)
        {
            var row = dst.Slice(y * outW, outW);
            var sy = y + rowOffset;
            if (sy < 0 || sy >= h)
            {
                row.Fill(fill);
                continue;
            }
            // Columns [x0, x1) of the output read inside the source row; the rest is fill.
            int x0 = Math.Clamp(-colOffset, 0, outW), x1 = Math.Clamp(w - colOffset, x0, outW);
            row[..x0].Fill(fill);
            src.Slice(sy * w + x0 + colOffset, x1 - x0).CopyTo(row[x0..x1]);
            row[x1..].Fill(fill);
        }
    }

    /// <summary>Mirrors the plane left to right.</summary>
    public static void FlipHorizontal(ReadOnlySpan<float> src, Span<float> dst, int h, int w)
    {
        for (int y = 0; y < h; y++)
        {
            src.Slice(y * w, w).CopyTo(dst.Slice(y * w, w));
            dst.Slice(y * w, w).Reverse();
        }
    }

    public static void FlipVertical(ReadOnlySpan<float> src, Span<float> dst, int h, int w)
    {
        for (int y = 0; y < h; y++) src.Slice((h - 1 - y) * w, w).CopyTo(dst.Slice(y * w, w));
    }

    /// <summary>
    /// Affine warp: output pixel (x, y) reads the source at center + R(-angle)·((x, y) - center - translate) / scale,
    /// i.e. the image is rotated counter-clockwise by <paramref name="degrees"/> (as shown, y pointing down), scaled and shifted.
    /// Pixels that fall outside the source read <paramref name="fill"/>.
    /// </summary>
    public static void Affine(ReadOnlySpan<float> src, Span<float> dst, int h, int w, double degrees, double tx, double ty, double scale,
        double cx, double cy, torch.InterpolationMode mode, float fill)
    {
        var (sin, cos) = SinCos(degrees);
        double a = cos / scale, b = -sin / scale, c = sin / scale, d = cos / scale;
        var bilinear = mode is torch.InterpolationMode.Bilinear or torch.InterpolationMode.Linear;
        for (int y = 0; y < h; y++)
        {
            var v = y - cy - ty;
            for (int x = 0; x < w; x++)
            {
                var u = x - cx - tx;
                double xs = cx + a * u + b * v, ys = cy + c * u + d * v;
                dst[y * w + x] = bilinear ? Bilinear(src, h, w, xs, ys, fill) : Nearest(src, h, w, xs, ys, fill);
            }
        }
    }

    /// <summary>Exact values for whole quarter turns, so a 90° rotation moves pixels without blending.</summary>
    private static (double sin, double cos) SinCos(double degrees)
    {
        var turns = degrees / 90.0;
        if (turns == Math.Floor(turns))
        {
            var q = (int)(((long)turns % 4 + 4) % 4);
            return q switch { 0 => (0, 1), 1 => (1, 0), 2 => (0, -1), _ => (-1, 0) };
        }
        var r = degrees * Math.PI / 180.0;
        return (Math.Sin(r), Math.Cos(r));
    }

    private static float Nearest(ReadOnlySpan<float> src, int h, int w, double xs, double ys, float fill)
    {
        // Round half to even, as grid_sample's nearest mode does.
        var xi = (long)Math.Round(xs);
        var yi = (long)Math.Round(ys);
        return xi >= 0 && xi < w && yi >= 0 && yi < h ? src[(int)(yi * w + xi)] : fill;
    }

    private static float Bilinear(ReadOnlySpan<float> src, int h, int w, double xs, double ys, float fill)
    {
        if (xs <= -1 || ys <= -1 || xs >= w || ys >= h) return fill;
        var x0 = (int)Math.Floor(xs);
        var y0 = (int)Math.Floor(ys);
        double fx = xs - x0, fy = ys - y0;
        var top = Read(src, h, w, x0, y0, fill) * (1 - fx) + Read(src, h, w, x0 + 1, y0, fill) * fx;
        var bottom = Read(src, h, w, x0, y0 + 1, fill) * (1 - fx) + Read(src, h, w, x0 + 1, y0 + 1, fill) * fx;
        return (float)(top * (1 - fy) + bottom * fy);
    }

    private static double Read(ReadOnlySpan<float> src, int h, int w, int x, int y, float fill) =>
        x >= 0 && x < w && y >= 0 && y < h ? src[y * w + x] : fill;

    public static void CheckInterpolation(torch.InterpolationMode mode, string op)
    {
        if (mode is not (torch.InterpolationMode.Nearest or torch.InterpolationMode.NearestExact or torch.InterpolationMode.Bilinear or torch.InterpolationMode.Linear))
            throw new NotSupportedException($"{op}: interpolation {mode} is not supported; use InterpolationMode.Nearest or InterpolationMode.Bilinear.");
    }
}
