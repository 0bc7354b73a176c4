namespace NotebookDL.Display;

/// <summary>Legend entries (series, vertical markers, point markers), laid out in wrapping rows above the plot.</summary>
internal static class Legend
{
    public const double RowHeight = 20;

    public sealed record Entry(string Label, Action<SvgCanvas, double, double> DrawSample);

    public static List<Entry> Entries(Chart chart)
    {
        var colors = ChartRenderer.AssignColors(chart.Series);
        var entries = new List<Entry>();
        for (int i = 0; i < chart.Series.Count; i++)
        {
            var (s, color) = (chart.Series[i], colors[i]);
            if (s.Label.Length == 0 || entries.Any(e => e.Label == s.Label)) continue;
            entries.Add(new(s.Label, (svg, ex, ey) =>
            {
                if (s.Kind == SeriesKind.Bars) svg.Rect(ex + 4, ey - 6, 14, 12, color);
                else if (s.Kind != SeriesKind.Scatter) svg.Line(ex, ey, ex + 22, ey, color, s.Width, s.Dash);
                if (s.Kind is SeriesKind.Scatter or SeriesKind.LineWithMarkers) svg.Circle(ex + 11, ey, s.MarkerRadius, color, s.MarkerStroke);
            }));
        }
        foreach (var m in chart.VerticalMarkers.DistinctBy(m => m.Label))
            entries.Add(new(m.Label, (svg, ex, ey) => svg.Line(ex + 11, ey - 7, ex + 11, ey + 7, m.Color, 1.5, m.Dash)));
        foreach (var p in chart.PointMarkers.DistinctBy(p => p.Label))
            entries.Add(new(p.Label, (svg, ex, ey) => ChartRenderer.DrawMarker(svg, ex + 11, ey, p.Shape, p.Color, 5)));
        return entries;
    }

    public static List<List<(Entry entry, double offset)>> Layout(List<Entry> entries, double width)
    {
        var rows = new List<List<(Entry, double)>>();
        var row = new List<(Entry, double)>();
        double cursor = 0;
        foreach (var e in entries)
        {
            var itemWidth = 30 + e.Label.Length * ChartRenderer.CharWidth * Theme.FontSize + 16;
            if (row.Count > 0 && cursor + itemWidth > width)
            {
                rows.Add(row);
                (row, cursor) = ([], 0);
            }
            row.Add((e, cursor));
            cursor += itemWidth;
        }
        if (row.Count > 0) rows.Add(row);
        return rows;
    }

    public static void Draw(SvgCanvas svg, List<List<(Entry entry, double offset)>> rows, double x, double y)
    {
        for (int r = 0; r < rows.Count; r++)
        {
            var cy = y + r * RowHeight + 10;
            foreach (var (entry, offset) in rows[r])
            {
                entry.DrawSample(svg, x + offset, cy);
                svg.Text(x + offset + 28, cy + 4, entry.Label);
            }
        }
    }
}
