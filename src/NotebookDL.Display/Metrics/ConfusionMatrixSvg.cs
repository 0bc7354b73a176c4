namespace NotebookDL.Display;

/// <summary>Draws a <see cref="ConfusionMatrixDisplay"/>: square cells, axis titles, class names and a colour bar.</summary>
internal static class ConfusionMatrixSvg
{
    public static string Render(ConfusionMatrixDisplay cm)
    {
        var n = Math.Max(1, cm.NumClasses);
        var longest = cm.ClassNames.DefaultIfEmpty("").Max(s => s.Length);
        var labelWidth = longest * ChartRenderer.CharWidth * Theme.FontSize;
        var left = 34 + labelWidth + 10;
        var cell = Math.Clamp(Math.Floor((Theme.Width - left - 90) / n), 26, 72);
        // Long predicted-label names are slanted so they do not collide under narrow cells.
        var slanted = labelWidth > cell - 4;
        var top = cm.Title is null ? 16.0 : 40.0;
        var grid = cell * n;
        var bottom = top + grid + (slanted ? labelWidth * 0.72 + 16 : 22) + 26;
        var width = Math.Max(left + grid + 90, 320);
        var svg = new SvgCanvas(width, bottom + 8, cm.Title ?? "Confusion matrix");
        if (cm.Title is not null) svg.Text(width / 2, 26, cm.Title, Theme.TitleSize, anchor: "middle", bold: true);

        var showCounts = cell >= 44;
        for (int r = 0; r < cm.NumClasses; r++)
            for (int c = 0; c < cm.NumClasses; c++)
            {
                var fraction = cm.Fraction(r, c);
                var color = ColorScale.BluesAt(fraction);
                var (x, y) = (left + c * cell, top + r * cell);
                svg.BeginGroup();
                svg.Title($"true {cm.ClassNames[r]}, predicted {cm.ClassNames[c]}: {cm.Counts[r][c]} ({Numbers.Fixed(100 * fraction, 1)}% of {cm.ClassNames[r]})");
                svg.Rect(x, y, cell, cell, ColorScale.Hex(color), Theme.Background);
                var ink = ColorScale.Luminance(color) > 0.5 ? Theme.Text : "#FFFFFF";
                var percent = $"{Numbers.Fixed(100 * fraction, cell >= 56 ? 1 : 0)}%";
                if (showCounts)
                {
                    svg.Text(x + cell / 2, y + cell / 2 - 2, Numbers.Thousands(cm.Counts[r][c]), 13, anchor: "middle", fill: ink, bold: r == c);
                    svg.Text(x + cell / 2, y + cell / 2 + 13, percent, 12, anchor: "middle", fill: ink);
                }
                else svg.Text(x + cell / 2, y + cell / 2 + 4, percent, 12, anchor: "middle", fill: ink, bold: r == c);
                svg.EndGroup();
            }
        svg.Rect(left, top, grid, grid, "none", Theme.Axis);

        for (int i = 0; i < cm.NumClasses; i++)
        {
            svg.Text(left - 8, top + i * cell + cell / 2 + 4, cm.ClassNames[i], anchor: "end");
            var cx = left + i * cell + cell / 2;
            if (slanted) svg.Text(cx + 4, top + grid + 12, cm.ClassNames[i], anchor: "end", rotate: -45);
            else svg.Text(cx, top + grid + 18, cm.ClassNames[i], anchor: "middle");
        }
        svg.Text(14, top + grid / 2, "True label", 13, anchor: "middle", bold: true, rotate: -90, baseline: "middle");
        svg.Text(left + grid / 2, bottom - 4, "Predicted label", 13, anchor: "middle", bold: true);

        // colour bar: share of the true class, 0% to 100%
        var barX = left + grid + 24;
        const int steps = 20;
        for (int k = 0; k < steps; k++)
            svg.Rect(barX, top + grid * k / steps, 14, grid / steps + 0.5, ColorScale.Hex(ColorScale.BluesAt(1 - (k + 0.5) / steps)));
        svg.Rect(barX, top, 14, grid, "none", Theme.Axis);
        foreach (var (t, label) in new[] { (0.0, "100%"), (0.5, "50%"), (1.0, "0%") })
            svg.Text(barX + 19, top + grid * t + 4, label, fill: Theme.MutedText);
        return svg.ToSvg();
    }
}
