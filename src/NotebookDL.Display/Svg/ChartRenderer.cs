using System.Text;

namespace NotebookDL.Display;

/// <summary>
/// Draws a <see cref="Chart"/> into a rectangle of a canvas: title, legend row, grid, raster, series,
/// markers, then axes with nice ticks. The legend sits above the plot so it never hides data.
/// </summary>
internal static class ChartRenderer
{
    public const double CharWidth = 0.6; // average sans-serif glyph width per pixel of font size

    public static void Render(SvgCanvas svg, Chart chart, double x, double y, double w, double h)
    {
        if (chart.LogY) chart = InLogSpace(chart);
        var top = y + 6;
        if (chart.Title is { Length: > 0 } title)
        {
            svg.Text(x + w / 2, top + 14, title, 13, anchor: "middle", bold: true);
            top += 22;
        }
        var colors = AssignColors(chart.Series);
        var legendRows = Legend.Layout(chart.ShowLegend ? Legend.Entries(chart) : [], w - 20);
        var (xMin, xMax) = chart.XRange is { } xr ? (xr.Min, xr.Max) : NiceScale.Padded(chart.Series.SelectMany(s => s.X), 0.02);
        var (yMin, yMax) = chart.YRange is { } yr ? (yr.Min, yr.Max) : NiceScale.Padded(chart.Series.SelectMany(s => s.Y).Concat(chart.PointMarkers.Select(p => p.Y)));
        if (chart.XRange is null && chart.Series.All(s => s.X.Count == 0)) (xMin, xMax) = (0, 1);
        var probe = new NiceScale(yMin, yMax, 0, 1, powersOfTen: chart.LogY);
        var tickChars = probe.Ticks.Select(probe.Label).DefaultIfEmpty("0").Max(l => l.Length);
        var left = x + 12 + tickChars * CharWidth * Theme.FontSize + (chart.YLabel is null ? 0 : 20);
        var right = x + w - 14;
        var plotTop = top + legendRows.Count * Legend.RowHeight + 8;
        var bottom = y + h - (chart.XLabel is null ? 24 : 42);
        var sx = new NiceScale(xMin, xMax, left, right, maxTicks: Math.Clamp((int)((right - left) / 60), 3, 12), integers: chart.IntegerX);
        var sy = new NiceScale(yMin, yMax, bottom, plotTop, maxTicks: Math.Clamp((int)((bottom - plotTop) / 34), 3, 10), powersOfTen: chart.LogY);

        Legend.Draw(svg, legendRows, x + 10, top);
        var clip = svg.ClipRect(left, plotTop, right - left, bottom - plotTop);
        if (chart.Background is { } raster)
        {
            svg.BeginGroup(clip);
            svg.Image(sx[raster.XMin], sy[raster.YMax], sx[raster.XMax] - sx[raster.XMin], sy[raster.YMin] - sy[raster.YMax], raster.PngDataUri, raster.Pixelated);
            svg.EndGroup();
        }
        else
        {
            foreach (var t in sy.Ticks) svg.Line(left, sy[t], right, sy[t], Theme.Grid);
            if (chart.XCategories is null) foreach (var t in sx.Ticks) svg.Line(sx[t], plotTop, sx[t], bottom, Theme.Grid);
        }
        svg.BeginGroup(clip, "data");
        if (chart.ShowZeroLines)
        {
            if (yMin < 0 && yMax > 0) svg.Line(left, sy[0], right, sy[0], Theme.Axis, 1);
            if (xMin < 0 && xMax > 0) svg.Line(sx[0], plotTop, sx[0], bottom, Theme.Axis, 1);
        }
        for (int i = 0; i < chart.Series.Count; i++) DrawSeries(svg, chart.Series[i], colors[i], sx, sy);
        for (int i = 0; i < chart.VerticalMarkers.Count; i++)
        {
            var m = chart.VerticalMarkers[i];
            svg.Line(sx[m.X], plotTop, sx[m.X], bottom, m.Color, 1.5, m.Dash);
        }
        foreach (var p in chart.PointMarkers) DrawMarker(svg, sx[p.X], sy[p.Y], p.Shape, p.Color, 6);
        svg.EndGroup();

        svg.Line(left, bottom, right, bottom, Theme.Axis);
        svg.Line(left, plotTop, left, bottom, Theme.Axis);
        var xTicks = chart.XCategories is { } categories
            ? categories.Select((name, i) => ((double)i, name)).ToList()
            : sx.Ticks.Select(t => (t, sx.Label(t))).ToList();
        foreach (var (t, label) in xTicks)
        {
            svg.Line(sx[t], bottom, sx[t], bottom + 4, Theme.Axis);
            // a label centred on the last tick can reach past the panel (epoch 1000 of a 1000-epoch run): shift it left to fit
            var halfWidth = label.Length * CharWidth * Theme.FontSize / 2;
            svg.Text(Math.Min(sx[t], x + w - 3 - halfWidth), bottom + 16, label, anchor: "middle", fill: Theme.MutedText);
        }
        foreach (var t in sy.Ticks)
        {
            svg.Line(left - 4, sy[t], left, sy[t], Theme.Axis);
            svg.Text(left - 7, sy[t] + 4, sy.Label(t), anchor: "end", fill: Theme.MutedText);
        }
        if (chart.XLabel is { } xl) svg.Text((left + right) / 2, bottom + 34, xl, anchor: "middle");
        if (chart.YLabel is { } yl) svg.Text(x + 14, (plotTop + bottom) / 2, yl, anchor: "middle", rotate: -90);
    }

    /// <summary>A log-scale chart is drawn as a linear one over log10 of its y values, labelled in powers of ten.</summary>
    private static Chart InLogSpace(Chart chart)
    {
        static double Log(double v) => v > 0 ? Math.Log10(v) : double.NaN;
        return chart with
        {
            Series = chart.Series.Select(s => s with { Y = s.Y.Select(Log).ToList() }).ToList(),
            PointMarkers = chart.PointMarkers.Where(p => p.Y > 0).Select(p => p with { Y = Math.Log10(p.Y) }).ToList(),
            YRange = chart.YRange is { } r && r.Min > 0 ? new AxisRange(Math.Log10(r.Min), Math.Log10(r.Max)) : null,
        };
    }

    public static IReadOnlyList<string> AssignColors(IReadOnlyList<Series> series)
    {
        var next = 0;
        return series.Select(s => s.Color ?? Theme.SeriesColor(next++)).ToList();
    }

    private static void DrawSeries(SvgCanvas svg, Series s, string color, NiceScale sx, NiceScale sy)
    {
        var n = Math.Min(s.X.Count, s.Y.Count);
        var opacity = s.Opacity < 1 ? $"opacity=\"{Numbers.Coord(s.Opacity)}\"" : null;
        if (s.Kind is SeriesKind.Line or SeriesKind.LineWithMarkers)
        {
            var d = new StringBuilder();
            var pen = false;
            double lastX = double.NaN, lastY = double.NaN;
            for (int i = 0; i < n; i++)
            {
                if (!double.IsFinite(s.X[i]) || !double.IsFinite(s.Y[i])) { pen = false; continue; }
                // Far outside values are pinned near the frame so the clip path, not the renderer, cuts them.
                var px = sx[s.X[i]];
                var py = Math.Clamp(sy[s.Y[i]], -1e4, 1e4);
                // A point within half a pixel of the last one drawn changes nothing visible: long paths stay small.
                var last = i == n - 1 || !double.IsFinite(s.X[i + 1]) || !double.IsFinite(s.Y[i + 1]);
                if (pen && !last && Math.Abs(px - lastX) < 0.5 && Math.Abs(py - lastY) < 0.5) continue;
                d.Append(pen ? 'L' : 'M').Append(SvgCanvas.N(px)).Append(' ').Append(SvgCanvas.N(py));
                (lastX, lastY, pen) = (px, py, true);
            }
            svg.Path(d.ToString(), color, s.Width, dash: s.Dash, extra: opacity);
        }
        if (s.Kind == SeriesKind.Segments)
        {
            var d = new StringBuilder();
            for (int i = 0; i + 1 < n; i += 2)
                d.Append('M').Append(SvgCanvas.N(sx[s.X[i]])).Append(' ').Append(SvgCanvas.N(sy[s.Y[i]]))
                    .Append('L').Append(SvgCanvas.N(sx[s.X[i + 1]])).Append(' ').Append(SvgCanvas.N(sy[s.Y[i + 1]]));
            svg.Path(d.ToString(), color, s.Width, dash: s.Dash, extra: opacity);
        }
        if (s.Kind == SeriesKind.Bars)
        {
            var zero = Math.Clamp(sy[Math.Clamp(0, sy.Min, sy.Max)], -1e4, 1e4);
            for (int i = 0; i < n; i++)
            {
                if (!double.IsFinite(s.X[i]) || !double.IsFinite(s.Y[i])) continue;
                var (left, right) = (sx[s.X[i] - s.BarWidth / 2], sx[s.X[i] + s.BarWidth / 2]);
                var top = Math.Clamp(sy[s.Y[i]], -1e4, 1e4);
                svg.Rect(left, Math.Min(top, zero), right - left, Math.Abs(zero - top), color, extra: opacity);
            }
        }
        if (s.Kind is SeriesKind.Scatter or SeriesKind.LineWithMarkers)
        {
            if (opacity is not null) svg.BeginGroup();
            for (int i = 0; i < n; i++)
                if (double.IsFinite(s.X[i]) && double.IsFinite(s.Y[i]))
                    svg.Circle(sx[s.X[i]], sy[s.Y[i]], s.MarkerRadius, color, s.MarkerStroke ?? (s.Kind == SeriesKind.LineWithMarkers ? Theme.Background : null), 1);
            if (opacity is not null) svg.EndGroup();
        }
    }

    public static void DrawMarker(SvgCanvas svg, double cx, double cy, MarkerShape shape, string color, double r)
    {
        switch (shape)
        {
            case MarkerShape.Circle:
                svg.Circle(cx, cy, r, color, Theme.Background, 1.5);
                break;
            case MarkerShape.Diamond:
                svg.Path($"M{SvgCanvas.N(cx)} {SvgCanvas.N(cy - r)}L{SvgCanvas.N(cx + r)} {SvgCanvas.N(cy)}L{SvgCanvas.N(cx)} {SvgCanvas.N(cy + r)}L{SvgCanvas.N(cx - r)} {SvgCanvas.N(cy)}Z",
                    Theme.Background, 1.5, fill: color);
                break;
            default:
                var d = new StringBuilder();
                for (int k = 0; k < 10; k++)
                {
                    var radius = k % 2 == 0 ? r * 1.5 : r * 0.65;
                    var angle = -Math.PI / 2 + k * Math.PI / 5;
                    d.Append(k == 0 ? 'M' : 'L').Append(SvgCanvas.N(cx + radius * Math.Cos(angle))).Append(' ').Append(SvgCanvas.N(cy + radius * Math.Sin(angle)));
                }
                svg.Path(d.Append('Z').ToString(), Theme.Background, 1, fill: color);
                break;
        }
    }
}
