using System.Text;

namespace NotebookDL.Display;

/// <summary>
/// A grid of images with captions (the textbook's 3 × 12 CIFAR-10 samples, MNIST digits, top losses). Each
/// image is an embedded PNG scaled up with crisp pixels; captions that do not fit are shortened with "…" and
/// shown in full as a tooltip.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource<ImageGrid>), PreferredMimeTypes = [MimeBundle.Svg, MimeBundle.PlainText])]
public sealed record ImageGrid(IReadOnlyList<ImageTile> Tiles, int Rows, int Columns, string? Title = null) : IDisplayable
{
    public double Width { get; init; } = Theme.Width;

    /// <summary>The text/plain form lists the captions of this many rows, so a 10 × 10 grid's text stays a summary.</summary>
    private const int MaxCaptionRows = 3;

    public MimeBundle ToMimeBundle() => MimeBundle.Picture(ToText(), ToSvg());

    public string ToSvg()
    {
        const double gap = 8, margin = 12;
        var captionLines = Tiles.Select(t => t.Caption.Count).DefaultIfEmpty(0).Max();
        var tileWidth = Math.Min(Math.Floor((Width - 2 * margin - (Columns - 1) * gap) / Columns), Tiles.Select(t => t.Width * 4.0).DefaultIfEmpty(96).Max());
        var aspect = Tiles.Count == 0 ? 1 : Tiles[0].Height / (double)Tiles[0].Width;
        var tileHeight = tileWidth * aspect;
        var cellHeight = tileHeight + captionLines * 15 + gap;
        var top = Title is null ? margin : 38;
        var width = Math.Min(Width, 2 * margin + Columns * tileWidth + (Columns - 1) * gap);
        var svg = new SvgCanvas(Math.Max(width, 200), top + Rows * cellHeight + margin - gap + 4, Title ?? $"{Tiles.Count} images");
        if (Title is not null) svg.Text(svg.Width / 2, 25, Title, Theme.TitleSize, anchor: "middle", bold: true);
        var maxChars = Math.Max(3, (int)(tileWidth / (ChartRenderer.CharWidth * Theme.FontSize)));
        for (int i = 0; i < Math.Min(Tiles.Count, Rows * Columns); i++)
        {
            var tile = Tiles[i];
            var (x, y) = (margin + i % Columns * (tileWidth + gap), top + i / Columns * cellHeight);
            svg.BeginGroup();
            if (tile.Caption.Count > 0) svg.Title(string.Join(" · ", tile.Caption));
            svg.Image(x, y, tileWidth, tileHeight, tile.DataUri, pixelated: true);
            svg.Rect(x, y, tileWidth, tileHeight, "none", Theme.Border);
            for (int line = 0; line < tile.Caption.Count; line++)
                svg.Text(x + tileWidth / 2, y + tileHeight + 14 + 15 * line, Shorten(tile.Caption[line], maxChars), anchor: "middle", fill: tile.CaptionColor);
            svg.EndGroup();
        }
        return svg.ToSvg();
    }

    private static string Shorten(string text, int maxChars) => text.Length <= maxChars ? text : text[..Math.Max(1, maxChars - 1)] + "…";

    public string ToText()
    {
        var text = new StringBuilder(Title ?? "Images").Append($": {Tiles.Count} images in {Rows} × {Columns}");
        if (Tiles.Count > 0) text.Append($", each {Tiles[0].Channels} × {Tiles[0].Height} × {Tiles[0].Width}");
        var captions = Tiles.Where(t => t.Caption.Count > 0).Select(t => string.Join(" / ", t.Caption)).ToList();
        var captionRows = (captions.Count + Columns - 1) / Columns;
        for (int r = 0; r < Math.Min(captionRows, MaxCaptionRows); r++)
            text.Append('\n').Append("  ").Append(string.Join(" | ", captions.Skip(r * Columns).Take(Columns)));
        if (captionRows > MaxCaptionRows) text.Append($"\n  … ({captions.Count - MaxCaptionRows * Columns} more captions)");
        return text.ToString();
    }

    public override string ToString() => ToText();
}
