using System.Text;

namespace NotebookDL.Display;

/// <summary>The text/plain stand-in for a chart: what each series spans, so a console still says something useful.</summary>
internal static class ChartText
{
    public static string Describe(Chart chart)
    {
        var text = new StringBuilder();
        text.Append("  ").Append(chart.Title ?? "chart");
        if (chart.XLabel is not null || chart.YLabel is not null) text.Append($" ({chart.YLabel ?? "y"} vs {chart.XLabel ?? "x"})");
        text.Append('\n');
        foreach (var s in chart.Series.Where(s => s.Label.Length > 0))
        {
            var ys = s.Y.Where(double.IsFinite).ToList();
            var xs = s.X.Where(double.IsFinite).ToList();
            if (ys.Count == 0) { text.Append($"    {s.Label}: no finite values\n"); continue; }
            text.Append($"    {s.Label}: {ys.Count} points, x {Numbers.Compact(xs.Min())}..{Numbers.Compact(xs.Max())}, ")
                .Append($"y {Numbers.Compact(ys.Min())}..{Numbers.Compact(ys.Max())}");
            if (s.Kind is SeriesKind.Line or SeriesKind.LineWithMarkers) text.Append($", last {Numbers.Compact(ys[^1])}");
            text.Append('\n');
        }
        foreach (var m in chart.VerticalMarkers) text.Append($"    {m.Label} at x={Numbers.Compact(m.X)}\n");
        foreach (var p in chart.PointMarkers) text.Append($"    {p.Label} at x={Numbers.Compact(p.X)}, y={Numbers.Compact(p.Y)}\n");
        return text.ToString();
    }
}
