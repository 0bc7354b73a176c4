using System.Text;

namespace NotebookDL.Display;

/// <summary>
/// A small SVG writer: shapes in pixel coordinates, appended in paint order. The result is standalone
/// SVG 1.1 (no scripts, no external resources) with a viewBox, scaled down to fit narrow columns.
/// </summary>
internal sealed class SvgCanvas(double width, double height, string description)
{
    private readonly StringBuilder defs = new();
    private readonly StringBuilder body = new();
    private int nextId;

    public double Width => width;

    public double Height => height;

    /// <summary>
    /// Ids must be unique across a notebook page (inline SVGs share one document) yet stable for golden
    /// files, so they are written with a placeholder that becomes a hash of the picture's content.
    /// </summary>
    private const string idPrefix = "ID_PREFIX_";

    public static string N(double value) => Numbers.Coord(value);

    public void Rect(double x, double y, double w, double h, string fill, string? stroke = null, double rx = 0, string? extra = null)
    {
        body.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\" fill=\"{fill}\"");
        if (stroke is not null) body.Append($" stroke=\"{stroke}\"");
        if (rx > 0) body.Append($" rx=\"{N(rx)}\"");
        if (extra is not null) body.Append(' ').Append(extra);
        body.Append("/>\n");
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? dash = null)
    {
        body.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"");
        if (dash is not null) body.Append($" stroke-dasharray=\"{dash}\"");
        body.Append("/>\n");
    }

    /// <summary>A path from raw path data; <paramref name="fill"/> "none" for lines.</summary>
    public void Path(string data, string stroke, double strokeWidth = 1, string fill = "none", string? dash = null, string? extra = null)
    {
        if (data.Length == 0) return;
        body.Append($"<path d=\"{data}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        if (dash is not null) body.Append($" stroke-dasharray=\"{dash}\"");
        if (extra is not null) body.Append(' ').Append(extra);
        body.Append("/>\n");
    }

    public void Circle(double cx, double cy, double r, string fill, string? stroke = null, double strokeWidth = 1)
    {
        body.Append($"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"{fill}\"");
        if (stroke is not null) body.Append($" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"");
        body.Append("/>\n");
    }

    public void Text(double x, double y, string text, double size = Theme.FontSize, string anchor = "start", string fill = Theme.Text,
        bool bold = false, double rotate = 0, string baseline = "auto")
    {
        body.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" fill=\"{fill}\"");
        if (anchor != "start") body.Append($" text-anchor=\"{anchor}\"");
        if (bold) body.Append(" font-weight=\"600\"");
        if (baseline != "auto") body.Append($" dominant-baseline=\"{baseline}\"");
        if (rotate != 0) body.Append($" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"");
        body.Append('>').Append(Markup.Escape(text)).Append("</text>\n");
    }

    /// <summary>An embedded raster (PNG data URI); pixelated keeps small images crisp when scaled up.</summary>
    public void Image(double x, double y, double w, double h, string dataUri, bool pixelated, bool stretch = true)
    {
        body.Append($"<image x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\"");
        if (stretch) body.Append(" preserveAspectRatio=\"none\"");
        if (pixelated) body.Append(" style=\"image-rendering:pixelated\" image-rendering=\"optimizeSpeed\"");
        body.Append($" xlink:href=\"{dataUri}\"/>\n");
    }

    /// <summary>Registers a clip rectangle and returns its id for <see cref="BeginGroup"/>.</summary>
    public string ClipRect(double x, double y, double w, double h)
    {
        var id = $"{idPrefix}c{nextId++}";
        defs.Append($"<clipPath id=\"{id}\"><rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\"/></clipPath>\n");
        return id;
    }

    public void BeginGroup(string? clipId = null, string? label = null)
    {
        body.Append("<g");
        if (clipId is not null) body.Append($" clip-path=\"url(#{clipId})\"");
        if (label is not null) body.Append($" aria-label=\"{Markup.Escape(label)}\"");
        body.Append(">\n");
    }

    public void EndGroup() => body.Append("</g>\n");

    /// <summary>A tooltip for the enclosing element (shown on hover in browsers, read by screen readers).</summary>
    public void Title(string text) => body.Append("<title>").Append(Markup.Escape(text)).Append("</title>\n");

    public string ToSvg()
    {
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" ")
            .Append($"viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" style=\"max-width:100%;height:auto\" ")
            .Append($"role=\"img\" aria-label=\"{Markup.Escape(description)}\" font-family=\"{Theme.FontFamily}\" font-size=\"{N(Theme.FontSize)}\">\n");
        svg.Append("<title>").Append(Markup.Escape(description)).Append("</title>\n");
        if (defs.Length > 0) svg.Append("<defs>\n").Append(defs).Append("</defs>\n");
        svg.Append($"<rect x=\"0.5\" y=\"0.5\" width=\"{N(width - 1)}\" height=\"{N(height - 1)}\" rx=\"6\" fill=\"{Theme.Background}\" stroke=\"{Theme.Border}\"/>\n");
        svg.Append(body).Append("</svg>");
        var text = svg.ToString();
        if (!text.Contains(idPrefix, StringComparison.Ordinal)) return text;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];
        return text.Replace(idPrefix, "ndl" + hash, StringComparison.Ordinal);
    }
}
