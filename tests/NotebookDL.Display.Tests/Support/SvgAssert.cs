using System.Globalization;
using System.Xml.Linq;

namespace NotebookDL.Display.Tests;

/// <summary>Checks that an SVG is a well-formed, script-free, standalone picture with a viewBox and readable text.</summary>
internal static class SvgAssert
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XDocument WellFormed(string svg)
    {
        var doc = XDocument.Parse(svg); // throws on malformed XML
        var root = doc.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        var viewBox = root.Attribute("viewBox")?.Value;
        Assert.False(string.IsNullOrEmpty(viewBox), "the SVG has no viewBox");
        var box = viewBox!.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(4, box.Length);
        Assert.True(box[2] > 0 && box[3] > 0, $"viewBox {viewBox} has no area");
        Assert.True(box[2] <= 1000, $"viewBox width {box[2]} is wider than a notebook column");
        Assert.Empty(doc.Descendants(Svg + "script"));
        Assert.DoesNotContain(doc.Descendants().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(doc.Descendants(Svg + "foreignObject"));
        foreach (var size in doc.Descendants().Attributes("font-size"))
            Assert.True(double.Parse(size.Value, CultureInfo.InvariantCulture) >= 12, $"text of {size.Value}px is below the 12px minimum");
        // external references would not load in sandboxed notebook outputs
        foreach (var href in doc.Descendants().Attributes().Where(a => a.Name.LocalName == "href"))
            Assert.True(href.Value.StartsWith("data:image/png;base64,", StringComparison.Ordinal) || href.Value.StartsWith('#'), $"external reference {href.Value[..Math.Min(60, href.Value.Length)]}");
        return doc;
    }

    public static (double width, double height) Size(string svg)
    {
        var box = XDocument.Parse(svg).Root!.Attribute("viewBox")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return (box[2], box[3]);
    }

    public static IEnumerable<string> Texts(XDocument doc) => doc.Descendants(Svg + "text").Select(t => t.Value);
}
