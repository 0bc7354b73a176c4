using NotebookDL.Display;

namespace NotebookDL.Display.Tests.Svg;

public class SvgRasterizerTests
{
    private const string Label =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 40\" width=\"200\" height=\"40\" font-family=\"" + Theme.FontFamily + "\">" +
        "<rect width=\"200\" height=\"40\" fill=\"#FFFFFF\"/><text x=\"10\" y=\"28\" font-size=\"20\" fill=\"#1F2328\">epoch 12</text></svg>";

    [Fact]
    public void TryRender_TextOnlySvg_DrawsTheGlyphsAtOneAndAHalfTimesTheViewBox()
    {
        var image = PngImage.Decode(SvgRasterizer.TryRender(Label)!);

        Assert.Equal((300, 60), (image.Width, image.Height));
        Assert.True(image.DarkFraction() > 0.02, $"the label drew {image.DarkFraction():P2} near-black pixels; no font was found");
    }

    [Fact]
    public void TryRender_VeryWideSvg_IsCappedAtMaxSide()
    {
        var wide = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 3000 100\" width=\"3000\" height=\"100\"><rect width=\"3000\" height=\"100\" fill=\"#0072B2\"/></svg>";

        var image = PngImage.Decode(SvgRasterizer.TryRender(wide)!);

        Assert.Equal((SvgRasterizer.MaxSide, 80), (image.Width, image.Height));
    }

    [Fact]
    public void TryRender_NotSvg_ReturnsNull()
    {
        Assert.Null(SvgRasterizer.TryRender("this is not <svg"));
    }

    [Fact]
    public void Picture_SkiaSharpFailsToLoad_BundleHasTextAndSvgOnly()
    {
        using var _ = SvgRasterizer.Use(_ => throw new TypeInitializationException("SkiaSharp.SKObject", new DllNotFoundException("libSkiaSharp.so: cannot open shared object file")));

        var bundle = Notebook.plot([0.0, 1, 2], [0.0, 1, 4], "y", "Parabola").ToMimeBundle();

        Assert.Equal([MimeBundle.PlainText, MimeBundle.Svg], bundle.Keys);
        Assert.Null(SvgRasterizer.UnavailableReason);
    }

    [Fact]
    public void Picture_RasterizerWorks_BundleHasTextSvgAndPngInThatOrder()
    {
        var bundle = MimeBundle.Picture("a label", Label);

        Assert.Equal([MimeBundle.PlainText, MimeBundle.Svg, MimeBundle.Png], bundle.Keys);
        Assert.StartsWith("iVBORw0KGgo", bundle[MimeBundle.Png]); // base64 of the PNG signature
    }

    [Fact]
    public void Picture_WithoutPng_SkipsTheRasterizer()
    {
        var rasterized = 0;
        using var _ = SvgRasterizer.Use(_ =>
        {
            rasterized++;
            return [];
        });

        var bundle = MimeBundle.Picture("a label", Label, withPng: false);

        Assert.Equal([MimeBundle.PlainText, MimeBundle.Svg], bundle.Keys);
        Assert.Equal(0, rasterized);
    }

    [Fact]
    public void Candidates_BrowserFontList_InstalledNamesFirstThenSansFallbacks()
    {
        var candidates = SansTypefaceProvider.Candidates(Theme.FontFamily).ToList();

        Assert.Equal(["Segoe UI", "Roboto", "Helvetica Neue", "Arial", "DejaVu Sans"], candidates.Take(5));
        Assert.DoesNotContain("sans-serif", candidates);
        Assert.DoesNotContain("system-ui", candidates);
    }
}
