using System.Globalization;
using NotebookDL.Display;

namespace NotebookDL.Display.Tests.Plots;

/// <summary>
/// Every picture the project draws is checked as XML even where Chromium is not installed, and carries a PNG copy
/// of its SVG that decodes, has the SVG's proportions at <see cref="SvgRasterizer.Scale"/>× and shows text. The PNGs
/// are written next to Chromium's screenshots (as NAME.skia.png) for people to look at.
/// </summary>
public class GalleryTests
{
    public static IEnumerable<object[]> Svgs => Gallery.Names(MimeBundle.Svg);

    [Theory]
    [MemberData(nameof(Svgs))]
    public void GallerySvg_Parsed_IsWellFormedWithViewBox(string name)
    {
        SvgAssert.WellFormed(Gallery.Content(name, MimeBundle.Svg)!);
    }

    [Fact]
    public void GallerySvg_SameInputTwice_RendersIdentically()
    {
        var first = Notebook.plot([0.0, 1, 2], [0.0, 1, 4], "y", "Same").ToSvg();

        Assert.Equal(first, Notebook.plot([0.0, 1, 2], [0.0, 1, 4], "y", "Same").ToSvg());
    }

    [Theory]
    [MemberData(nameof(Svgs))]
    public void GalleryPicture_Bundle_CarriesPngOfTheSvgSize(string name)
    {
        var png = Gallery.Content(name, MimeBundle.Png);
        Assert.True(png is not null, $"{name}: the picture has no {MimeBundle.Png} rendering ({SvgRasterizer.UnavailableReason ?? "SkiaSharp loaded"})");

        var bytes = Convert.FromBase64String(png);
        Directory.CreateDirectory(Chromium.ScreenshotDirectory);
        File.WriteAllBytes(Path.Combine(Chromium.ScreenshotDirectory, name + ".skia.png"), bytes);
        var image = PngImage.Decode(bytes);

        var (width, height) = SvgAssert.Size(Gallery.Content(name, MimeBundle.Svg)!);
        Assert.Equal((int)Math.Ceiling(width * SvgRasterizer.Scale), image.Width);
        Assert.Equal((int)Math.Ceiling(height * SvgRasterizer.Scale), image.Height);
    }

    [Theory]
    [MemberData(nameof(Svgs))]
    public void GalleryPicture_Png_IsNotBlankAndHasText(string name)
    {
        var image = PngImage.Decode(Convert.FromBase64String(Gallery.Content(name, MimeBundle.Png)!));

        var opaque = image.OpaqueFraction();
        var dark = image.DarkFraction();

        // the white card fills almost all of the picture; only the rounded corners stay transparent
        Assert.True(opaque > 0.99, $"{name}: only {Percent(opaque)} of the PNG is painted");
        // titles, labels and tick numbers are drawn in near-black (#1F2328); lines and fills are lighter
        Assert.True(dark > 0.001, $"{name}: only {Percent(dark)} of the PNG is near-black: its text was not drawn");
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";
}
