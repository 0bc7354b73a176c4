using System.Globalization;

namespace NotebookDL.Display;

/// <summary>Number formats used across displays, always culture-invariant so golden files match everywhere.</summary>
internal static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>669706 → "669,706", as Keras prints parameter counts.</summary>
    public static string Thousands(long value) => value.ToString("N0", Invariant);

    /// <summary>Bytes in binary units as Keras' summary does (2,678,824 → "2.55 MB").</summary>
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        var unit = 0;
        while (Math.Abs(bytes) >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes.ToString("0", Invariant)} B" : $"{bytes.ToString("0.00", Invariant)} {units[unit]}";
    }

    /// <summary>A compact value for labels: up to 4 significant digits, no exponent for everyday magnitudes.</summary>
    public static string Compact(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        var abs = Math.Abs(value);
        if (abs != 0 && (abs < 1e-3 || abs >= 1e6)) return value.ToString("0.###e+0", Invariant);
        return value.ToString(abs >= 100 ? "0.#" : "0.####", Invariant);
    }

    /// <summary>
    /// <paramref name="digits"/> significant digits for metrics (losses, accuracies): 0.95 → "0.95", 0.123456 → "0.123",
    /// 3.2e-7 → "3.2e-7" (never "0.0000"), 123456 → "123456".
    /// </summary>
    public static string Significant(double value, int digits = 3)
    {
        if (!double.IsFinite(value) || value == 0) return Compact(value);
        var abs = Math.Abs(value);
        if (abs < 1e-3 || abs >= 1e6) return value.ToString("0." + new string('#', digits - 1) + "e+0", Invariant);
        var decimals = Math.Max(0, digits - 1 - (int)Math.Floor(Math.Log10(abs)));
        return Math.Round(value, decimals).ToString(decimals == 0 ? "0" : "0." + new string('#', decimals), Invariant);
    }

    /// <summary>A fixed number of decimals, invariant.</summary>
    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals, Invariant);

    /// <summary>SVG coordinates: two decimals at most keeps files small and diffs stable.</summary>
    public static string Coord(double value) => Math.Round(value, 2).ToString("0.##", Invariant);

    public static string Int(long value) => value.ToString(Invariant);
}
