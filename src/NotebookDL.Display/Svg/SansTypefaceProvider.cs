using System.Collections.Concurrent;
using SkiaSharp;
using Svg.Skia.TypefaceProviders;

namespace NotebookDL.Display;

/// <summary>
/// Picks the typeface for the PNG copies of our SVG pictures. The SVGs ask for browser UI fonts (system-ui,
/// Segoe UI, Roboto, Arial, sans-serif) that a Linux server rarely has under those names, and Skia's own
/// fallback for an unknown name is whatever face it loaded first (often a serif). So the first family of the
/// list that is installed wins, then the face a Linux browser shows for them (DejaVu Sans, which also has the
/// subscripts, Greek letters and arrows our labels use), then other common sans faces.
/// </summary>
internal sealed class SansTypefaceProvider : ITypefaceProvider
{
    public static SansTypefaceProvider Instance { get; } = new();

    /// <summary>Tried after the SVG's own families, DejaVu Sans first: it comes with Debian's fontconfig and is what Chromium shows there.</summary>
    private static readonly string[] SansFallbacks = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arimo", "Helvetica", "FreeSans", "Verdana"];

    private readonly ConcurrentDictionary<(string family, SKFontStyleWeight weight, SKFontStyleWidth width, SKFontStyleSlant slant), SKTypeface?> chosen = new();

    public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) =>
        chosen.GetOrAdd((fontFamily, fontWeight, fontWidth, fontStyle), key => Choose(key.family, new SKFontStyle(key.weight, key.width, key.slant)));

    /// <summary>The family names in CSS order, unquoted; generic names (sans-serif, system-ui) are left to the fallbacks.</summary>
    internal static IEnumerable<string> Candidates(string fontFamily) =>
        fontFamily.Split(',').Select(name => name.Trim().Trim('\'', '"')).Where(name => name.Length > 0 && !IsGeneric(name)).Concat(SansFallbacks);

    private static bool IsGeneric(string name) =>
        name is "system-ui" or "-apple-system" or "sans-serif" or "serif" or "monospace" or "ui-sans-serif" or "BlinkMacSystemFont";

    /// <summary>Null when no font is installed at all: Svg.Skia then uses Skia's default face (text may not show).</summary>
    private static SKTypeface? Choose(string fontFamily, SKFontStyle style)
    {
        var fonts = SKFontManager.Default;
        foreach (var name in Candidates(fontFamily))
            if (fonts.MatchFamily(name, style) is { } typeface) return typeface;
        return fonts.MatchCharacter('A');
    }
}
