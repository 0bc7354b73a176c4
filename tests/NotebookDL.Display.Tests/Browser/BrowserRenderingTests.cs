using System.Globalization;
using NotebookDL.Display;

namespace NotebookDL.Display.Tests.Browser;

/// <summary>
/// Renders every SVG and HTML output in headless Chromium and checks the screenshot has the expected
/// size and is not blank. Screenshots stay in <see cref="Chromium.ScreenshotDirectory"/> for people to look at;
/// HTML pages show the table on a light and on a dark background, as notebook themes do.
/// </summary>
public class BrowserRenderingTests
{
    public static IEnumerable<object[]> Svgs => Gallery.Names(MimeBundle.Svg);

    public static IEnumerable<object[]> Htmls => Gallery.Names(MimeBundle.Html);

    [ChromiumTheory]
    [MemberData(nameof(Svgs))]
    public void Svg_InChromium_RendersNonBlankAtItsViewBoxSize(string name)
    {
        var svg = Gallery.Content(name, MimeBundle.Svg)!;
        var (w, h) = SvgAssert.Size(svg);
        var (width, height) = ((int)Math.Ceiling(w), (int)Math.Ceiling(h));
        var page = Write(name + ".svg", svg);

        var image = Shoot(page, name + ".svg.png", width, height);

        Assert.Equal((width, height), (image.Width, image.Height));
        AssertNotBlank(image, name);
    }

    [ChromiumTheory]
    [MemberData(nameof(Htmls))]
    public void Html_InChromium_RendersNonBlankInLightAndDarkThemes(string name)
    {
        var html = Gallery.Content(name, MimeBundle.Html)!;
        const int width = 900, height = 1000;
        var page = Write(name + ".html",
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + name + "</title></head>" +
            "<body style=\"margin:0\">" +
            "<div style=\"background:#ffffff;color:#1f2328;padding:12px\">" + html + "</div>" +
            "<div style=\"background:#1e1e1e;color:#d4d4d4;padding:12px\">" + html + "</div>" +
            "</body></html>");

        var image = Shoot(page, name + ".html.png", width, height);

        Assert.Equal((width, height), (image.Width, image.Height));
        AssertNotBlank(image, name);
    }

    private static string Write(string fileName, string content)
    {
        Directory.CreateDirectory(Chromium.ScreenshotDirectory);
        var path = Path.Combine(Chromium.ScreenshotDirectory, fileName);
        File.WriteAllText(path, content);
        return path;
    }

    private static PngImage Shoot(string page, string pngName, int width, int height)
    {
        var png = Path.Combine(Chromium.ScreenshotDirectory, pngName);
        File.Delete(png);
        Chromium.Screenshot(page, png, width, height);
        Assert.True(File.Exists(png), $"no screenshot at {png}");
        return PngImage.Decode(File.ReadAllBytes(png));
    }

    private static void AssertNotBlank(PngImage image, string name)
    {
        var variance = image.LuminanceVariance();
        var ink = image.InkFraction();
        Assert.True(variance > 50, $"{name}: screenshot looks blank (luminance variance {variance.ToString("F1", CultureInfo.InvariantCulture)})");
        Assert.True(ink > 0.005, $"{name}: almost nothing was drawn ({(ink * 100).ToString("F2", CultureInfo.InvariantCulture)}% of pixels differ from the background)");
    }
}
