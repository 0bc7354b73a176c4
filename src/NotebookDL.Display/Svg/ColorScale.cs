using System.Globalization;

namespace NotebookDL.Display;

/// <summary>
/// Continuous colour maps. Sequential maps run light to dark in one hue family so order reads without
/// hue discrimination; the diverging map is blue–orange, the pair colour-blind viewers tell apart best.
/// </summary>
internal static class ColorScale
{
    /// <summary>Light to dark blue (ColorBrewer "Blues"), the confusion-matrix scale scikit-learn uses.</summary>
    private static readonly (byte r, byte g, byte b)[] Blues =
        [(247, 251, 255), (222, 235, 247), (198, 219, 239), (158, 202, 225), (107, 174, 214), (66, 146, 198), (33, 113, 181), (8, 81, 156), (8, 48, 107)];

    /// <summary>Orange for 0, near-white in the middle, blue for 1 (TensorFlow Playground's classes).</summary>
    private static readonly (byte r, byte g, byte b)[] OrangeBlue =
        [(230, 97, 1), (246, 171, 92), (253, 224, 191), (246, 246, 246), (203, 224, 240), (118, 172, 214), (5, 113, 176)];

    /// <summary>Viridis, perceptually uniform and readable in greyscale, for surfaces and contours.</summary>
    private static readonly (byte r, byte g, byte b)[] Viridis =
        [(68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142), (31, 158, 137), (53, 183, 121), (110, 206, 88), (181, 222, 43), (253, 231, 37)];

    public static (byte r, byte g, byte b) BluesAt(double t) => Interpolate(Blues, t);

    public static (byte r, byte g, byte b) OrangeBlueAt(double t) => Interpolate(OrangeBlue, t);

    public static (byte r, byte g, byte b) ViridisAt(double t) => Interpolate(Viridis, t);

    public static string Hex((byte r, byte g, byte b) c) => string.Create(CultureInfo.InvariantCulture, $"#{c.r:X2}{c.g:X2}{c.b:X2}");

    /// <summary>Relative luminance (sRGB approximation): above about 0.45, dark text reads better than white.</summary>
    public static double Luminance((byte r, byte g, byte b) c) => (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255;

    public static (byte r, byte g, byte b) Parse(string hex) =>
        (Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));

    /// <summary>Mixes <paramref name="c"/> with white: amount 0 is white, 1 the colour itself.</summary>
    public static (byte r, byte g, byte b) Tint((byte r, byte g, byte b) c, double amount)
    {
        amount = Math.Clamp(amount, 0, 1);
        return ((byte)Math.Round(255 + (c.r - 255) * amount), (byte)Math.Round(255 + (c.g - 255) * amount), (byte)Math.Round(255 + (c.b - 255) * amount));
    }

    private static (byte r, byte g, byte b) Interpolate((byte r, byte g, byte b)[] stops, double t)
    {
        if (!double.IsFinite(t)) t = 0;
        t = Math.Clamp(t, 0, 1) * (stops.Length - 1);
        var i = Math.Min((int)t, stops.Length - 2);
        var f = t - i;
        var (a, b) = (stops[i], stops[i + 1]);
        return ((byte)Math.Round(a.r + (b.r - a.r) * f), (byte)Math.Round(a.g + (b.g - a.g) * f), (byte)Math.Round(a.b + (b.b - a.b) * f));
    }
}
