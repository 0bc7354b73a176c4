using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookDL.Display;

namespace NotebookDL.Kernel.Display;

/// <summary>
/// The output metadata that tells front ends what size to show a picture's PNG copy at. The PNG is drawn at
/// <see cref="SvgRasterizer.Scale"/>× the SVG so its text stays sharp; front ends that show the PNG (untrusted
/// notebooks, which drop the SVG; nbconvert's HTML) otherwise show it at its pixel size, half as big again as the
/// same figure shown as SVG. Jupyter's convention is metadata {"image/png": {"width": w, "height": h}} in CSS pixels.
/// </summary>
public static partial class PictureMetadata
{
    /// <summary>Metadata for an output's <paramref name="data"/>: the SVG's size for its PNG copy, or empty when there is no such pair.</summary>
    public static JsonObject For(JsonObject data)
    {
        if (data[MimeBundle.Png] is null || data[MimeBundle.Svg] is not JsonValue svgValue || !svgValue.TryGetValue<string>(out var svg)) return [];
        var root = SvgRoot().Match(svg);
        if (!root.Success) return [];
        var size = (Number(Width(), root.Value), Number(Height(), root.Value)) is (double w, double h) ? (w, h) : ViewBoxSize(root.Value);
        return size is var (width, height) && width > 0 && height > 0
            ? new JsonObject { [MimeBundle.Png] = new JsonObject { ["width"] = width, ["height"] = height } }
            : [];
    }

    private static (double, double)? ViewBoxSize(string root)
    {
        var box = ViewBox().Match(root);
        return box.Success ? (Parse(box.Groups[1].Value), Parse(box.Groups[2].Value)) : null;
    }

    private static double? Number(Regex attribute, string root) => attribute.Match(root) is { Success: true } m ? Parse(m.Groups[1].Value) : null;

    private static double Parse(string number) => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<svg\b[^>]*>")]
    private static partial Regex SvgRoot();

    // only plain numbers (or px) are CSS pixels; a size such as "100%" falls back to the viewBox
    [GeneratedRegex(@"\swidth=""([0-9]+(?:\.[0-9]+)?)(?:px)?""")]
    private static partial Regex Width();

    [GeneratedRegex(@"\sheight=""([0-9]+(?:\.[0-9]+)?)(?:px)?""")]
    private static partial Regex Height();

    [GeneratedRegex(@"\sviewBox=""\s*-?[0-9.]+[\s,]+-?[0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*""")]
    private static partial Regex ViewBox();
}
