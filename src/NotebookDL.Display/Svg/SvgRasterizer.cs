using System.Runtime.CompilerServices;
using SkiaSharp;
using Svg.Skia;

namespace NotebookDL.Display;

/// <summary>
/// Draws our SVG pictures as PNG with Svg.Skia on SkiaSharp, so a picture still shows where SVG is sanitized
/// away: untrusted notebooks, nbconvert 6.5's HTML export, LaTeX/PDF export. The SVG's viewBox is drawn at
/// <see cref="Scale"/>×, capped at <see cref="MaxSide"/> pixels: sharp text in a notebook column, while a typical
/// chart costs about 50 ms and 70 KB (PNG encoding is most of it; 2× took 70 ms and 100 KB).
/// When SkiaSharp's native library cannot load, PNG copies are switched off for the process and pictures
/// carry SVG and text only; a picture Svg.Skia cannot read just goes without its PNG.
/// </summary>
public static class SvgRasterizer
{
    public const float Scale = 1.5f;

    public const int MaxSide = 2400;

    private static readonly AsyncLocal<Func<string, byte[]>?> scopedRenderer = new();
    private static volatile string? unavailableReason;

    /// <summary>Why PNG copies are off for this process (SkiaSharp's native library did not load); null while they work.</summary>
    public static string? UnavailableReason => unavailableReason;

    /// <summary>The PNG bytes of <paramref name="svg"/>, or null when it cannot be drawn (see the class remarks).</summary>
    public static byte[]? TryRender(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var scoped = scopedRenderer.Value;
        if (scoped is null && unavailableReason is not null) return null;
        try
        {
            return scoped is null ? RenderWithSkia(svg) : scoped(svg);
        }
        catch (Exception ex) when (IsNativeLoadFailure(ex))
        {
            if (scoped is null) unavailableReason = $"SkiaSharp could not load ({ex.GetType().Name}: {ex.Message}); pictures are sent as SVG and text only.";
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Routes <see cref="TryRender"/> in this async flow to <paramref name="render"/> (tests inject failures with it).</summary>
    internal static IDisposable Use(Func<string, byte[]> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var previous = scopedRenderer.Value;
        scopedRenderer.Value = render;
        return new RestoreOnDispose(() => scopedRenderer.Value = previous);
    }

    private static bool IsNativeLoadFailure(Exception ex) =>
        ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or FileNotFoundException or FileLoadException
        || ex is TypeInitializationException { InnerException: { } inner } && IsNativeLoadFailure(inner);

    /// <summary>Kept out of line so a missing SkiaSharp assembly fails inside TryRender's try, when this method is compiled.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte[] RenderWithSkia(string svg)
    {
        using var document = new SKSvg();
        document.Settings.TypefaceProviders = [SansTypefaceProvider.Instance];
        var picture = document.FromSvg(svg) ?? throw new InvalidDataException("Svg.Skia could not read the SVG.");
        var bounds = picture.CullRect;
        if (bounds.Width <= 0 || bounds.Height <= 0) throw new InvalidDataException($"The SVG has no area ({bounds.Width} × {bounds.Height}).");
        var scale = Math.Min(Scale, MaxSide / Math.Max(bounds.Width, bounds.Height));
        var info = new SKImageInfo((int)Math.Ceiling(bounds.Width * scale), (int)Math.Ceiling(bounds.Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.Scale(scale);
            canvas.Translate(-bounds.Left, -bounds.Top);
            canvas.DrawPicture(picture);
        }
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
