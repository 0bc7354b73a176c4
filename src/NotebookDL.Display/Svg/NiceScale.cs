namespace NotebookDL.Display;

/// <summary>
/// Maps a data interval to pixels and chooses "nice" tick values (1, 2, 2.5 or 5 times a power of ten),
/// Heckbert's rule, so axes read 0, 0.5, 1.0 rather than 0.03, 0.51, 0.99.
/// </summary>
internal sealed class NiceScale
{
    public NiceScale(double min, double max, double pixelStart, double pixelEnd, int maxTicks = 6, bool integers = false, bool powersOfTen = false)
    {
        PowersOfTen = powersOfTen;
        integers |= powersOfTen;
        if (!double.IsFinite(min) || !double.IsFinite(max)) (min, max) = (0, 1);
        if (max < min) (min, max) = (max, min);
        if (max - min < 1e-12 * Math.Max(1, Math.Abs(max))) (min, max) = (min - 0.5, max + 0.5);
        (Min, Max, PixelStart, PixelEnd) = (min, max, pixelStart, pixelEnd);
        Step = ChooseStep(min, max, Math.Max(2, maxTicks), integers);
        var first = Math.Ceiling(min / Step - 1e-9) * Step;
        var ticks = new List<double>();
        for (var t = first; t <= max + Step * 1e-9; t += Step) ticks.Add(Math.Abs(t) < Step * 1e-9 ? 0 : t);
        Ticks = ticks;
        var exponent = Math.Floor(Math.Log10(Step) + 1e-9);
        var mantissa = Step / Math.Pow(10, exponent);
        Decimals = integers ? 0 : Math.Max(0, (int)-exponent + (Math.Abs(mantissa - 2.5) < 1e-6 ? 1 : 0));
    }

    public double Min { get; }

    public double Max { get; }

    public double PixelStart { get; }

    public double PixelEnd { get; }

    public double Step { get; }

    public IReadOnlyList<double> Ticks { get; }

    /// <summary>The axis holds log10 of the data: tick t is labelled 10^t.</summary>
    public bool PowersOfTen { get; }

    /// <summary>Decimals that show every tick distinctly (2.5-steps need one more).</summary>
    public int Decimals { get; }

    public double this[double value] => PixelStart + (value - Min) / (Max - Min) * (PixelEnd - PixelStart);

    public double Invert(double pixel) => Min + (pixel - PixelStart) / (PixelEnd - PixelStart) * (Max - Min);

    /// <summary>The tick's text, with a typographic minus sign as in printed charts.</summary>
    public string Label(double tick)
    {
        if (PowersOfTen) return PowerOfTenLabel((int)Math.Round(tick));
        var abs = Math.Abs(tick);
        var text = abs != 0 && (abs >= 1e6 || abs < 1e-4)
            ? tick.ToString("0.##e+0", System.Globalization.CultureInfo.InvariantCulture)
            : tick.ToString("F" + Math.Min(Decimals, 6), System.Globalization.CultureInfo.InvariantCulture);
        return text.Replace('-', '\u2212');
    }

    /// <summary>1, 10, 100 as digits; other decades as 10 with a superscript exponent (10⁻⁶).</summary>
    private static string PowerOfTenLabel(int exponent)
    {
        if (exponent is >= 0 and <= 3) return Math.Pow(10, exponent).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        const string superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var digits = Math.Abs(exponent).ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => superscripts[c - '0']);
        return "10" + (exponent < 0 ? "⁻" : "") + string.Concat(digits);
    }

    /// <summary>Data limits widened by a margin so lines do not touch the frame; a floor of zero is kept when the data starts there.</summary>
    public static (double min, double max) Padded(IEnumerable<double> values, double margin = 0.05)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
            if (double.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        if (double.IsInfinity(min)) return (0, 1);
        var pad = (max - min) * margin;
        if (pad == 0) pad = Math.Max(Math.Abs(max) * 0.1, 0.5);
        return (min >= 0 && min - pad < 0 ? 0 : min - pad, max + pad);
    }

    /// <summary>
    /// The 1-2-2.5-5 step whose tick count is closest to <paramref name="target"/> without exceeding it by more
    /// than one; ties go to the larger step (fewer, rounder labels).
    /// </summary>
    private static double ChooseStep(double min, double max, int target, bool integers)
    {
        var range = max - min;
        var best = double.NaN;
        var bestScore = double.MaxValue;
        for (var exponent = Math.Floor(Math.Log10(range)) - 2; exponent <= Math.Floor(Math.Log10(range)) + 1; exponent++)
            foreach (var multiplier in new[] { 1, 2, 2.5, 5 })
            {
                var step = multiplier * Math.Pow(10, exponent);
                if (integers && (step < 1 || step != Math.Round(step))) continue;
                var count = Math.Floor(max / step + 1e-9) - Math.Ceiling(min / step - 1e-9) + 1;
                if (count > target + 1 || count < 2) continue;
                var score = Math.Abs(count - target);
                if (score <= bestScore) (best, bestScore) = (step, score);
            }
        return double.IsNaN(best) ? (integers ? Math.Max(1, Math.Ceiling(range)) : range) : best;
    }
}
