using System.Text;
using System.Text.Json;

namespace NotebookDL.Display;

/// <summary>
/// A Figure as Plotly JSON (application/vnd.plotly.v1+json) for front ends that render it interactively
/// (hover values, zoom). Only sent when asked for (<see cref="Figure.Interactive"/>): the SVG stays the
/// script-free picture every front end can show.
/// </summary>
internal static class PlotlyJson
{
    public static string Render(Figure figure)
    {
        var columns = Math.Max(1, figure.Columns ?? (figure.Panels.Count == 1 ? 1 : 2));
        var rows = Math.Max(1, (figure.Panels.Count + columns - 1) / columns);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            for (int p = 0; p < figure.Panels.Count; p++)
            {
                var chart = figure.Panels[p];
                var colors = ChartRenderer.AssignColors(chart.Series);
                var axis = p == 0 ? "" : (p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                for (int s = 0; s < chart.Series.Count; s++) Trace(json, chart.Series[s], colors[s], axis);
                foreach (var m in chart.PointMarkers)
                    Trace(json, new Series(m.Label, [m.X], [m.Y], SeriesKind.Scatter) { MarkerRadius = 6 }, m.Color, axis);
            }
            json.WriteEndArray();
            json.WriteStartObject("layout");
            if (figure.Title is not null) json.WriteString("title", figure.Title);
            json.WriteNumber("width", figure.Width);
            json.WriteNumber("height", rows * (figure.PanelHeight ?? (columns == 1 ? 340 : 280)) + 60);
            json.WriteStartObject("grid");
            json.WriteNumber("rows", rows);
            json.WriteNumber("columns", columns);
            json.WriteString("pattern", "independent");
            json.WriteEndObject();
            // grouped bars carry their own x offsets (as in the SVG), so Plotly must not shift them again
            if (figure.Panels.Any(p => p.Series.Any(s => s.Kind == SeriesKind.Bars))) json.WriteString("barmode", "overlay");
            for (int p = 0; p < figure.Panels.Count; p++)
            {
                var suffix = p == 0 ? "" : (p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Axis(json, "xaxis" + suffix, figure.Panels[p].XLabel ?? figure.Panels[p].Title, figure.Panels[p].XRange, figure.Panels[p].XCategories);
                // a panel titled by its y quantity ("loss" over "epoch") names its y axis with it
                Axis(json, "yaxis" + suffix, figure.Panels[p].YLabel ?? (figure.Panels[p].XLabel is null ? null : figure.Panels[p].Title), figure.Panels[p].YRange, null);
            }
            Backgrounds(json, figure.Panels);
            VerticalMarkers(json, figure.Panels);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Trace(Utf8JsonWriter json, Series s, string color, string axis)
    {
        json.WriteStartObject();
        if (s.Kind == SeriesKind.Bars)
        {
            json.WriteString("type", "bar");
            json.WriteNumber("width", s.BarWidth);
        }
        else
        {
            json.WriteString("type", "scatter");
            json.WriteString("mode", s.Kind switch { SeriesKind.Scatter => "markers", SeriesKind.LineWithMarkers => "lines+markers", _ => "lines" });
        }
        if (s.Opacity < 1) json.WriteNumber("opacity", s.Opacity);
        if (s.Label.Length > 0) json.WriteString("name", s.Label);
        else json.WriteBoolean("showlegend", false);
        // Segments come as (start, end) pairs; a null after each pair keeps Plotly from joining one to the next.
        Numbers(json, "x", s.Kind == SeriesKind.Segments ? Pairs(s.X) : s.X);
        Numbers(json, "y", s.Kind == SeriesKind.Segments ? Pairs(s.Y) : s.Y);
        json.WriteString("xaxis", "x" + axis);
        json.WriteString("yaxis", "y" + axis);
        json.WriteStartObject("line");
        json.WriteString("color", color);
        json.WriteNumber("width", s.Width);
        if (s.Dash is not null) json.WriteString("dash", "dash");
        json.WriteEndObject();
        json.WriteStartObject("marker");
        json.WriteString("color", color);
        json.WriteNumber("size", 2 * s.MarkerRadius);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static List<double> Pairs(IReadOnlyList<double> ends)
    {
        var gapped = new List<double>(ends.Count * 3 / 2 + 1);
        for (int i = 0; i + 1 < ends.Count; i += 2) gapped.AddRange([ends[i], ends[i + 1], double.NaN]);
        return gapped;
    }

    /// <summary>A panel's raster background (a decision boundary's probabilities) as a layout image stretched over its data rectangle.</summary>
    private static void Backgrounds(Utf8JsonWriter json, IReadOnlyList<Chart> panels)
    {
        if (panels.All(p => p.Background is null)) return;
        json.WriteStartArray("images");
        for (int p = 0; p < panels.Count; p++)
        {
            if (panels[p].Background is not { } raster) continue;
            var suffix = p == 0 ? "" : (p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            json.WriteStartObject();
            json.WriteString("source", raster.PngDataUri);
            json.WriteString("xref", "x" + suffix);
            json.WriteString("yref", "y" + suffix);
            json.WriteNumber("x", raster.XMin);
            json.WriteNumber("y", raster.YMax);
            json.WriteNumber("sizex", raster.XMax - raster.XMin);
            json.WriteNumber("sizey", raster.YMax - raster.YMin);
            json.WriteString("sizing", "stretch");
            json.WriteString("layer", "below");
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>Vertical markers (best epoch, learning-rate changes, early stop) as full-height lines with their label on top.</summary>
    private static void VerticalMarkers(Utf8JsonWriter json, IReadOnlyList<Chart> panels)
    {
        if (panels.All(p => p.VerticalMarkers.Count == 0)) return;
        foreach (var (property, asLabel) in new[] { ("shapes", false), ("annotations", true) })
        {
            json.WriteStartArray(property);
            for (int p = 0; p < panels.Count; p++)
            {
                var suffix = p == 0 ? "" : (p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                foreach (var marker in panels[p].VerticalMarkers)
                {
                    json.WriteStartObject();
                    json.WriteString("xref", "x" + suffix);
                    json.WriteString("yref", $"y{suffix} domain");
                    if (asLabel)
                    {
                        json.WriteNumber("x", marker.X);
                        json.WriteNumber("y", 1);
                        json.WriteString("text", marker.Label);
                        json.WriteBoolean("showarrow", false);
                        json.WriteString("yanchor", "bottom");
                        json.WriteStartObject("font");
                        json.WriteString("color", marker.Color);
                        json.WriteEndObject();
                    }
                    else
                    {
                        json.WriteString("type", "line");
                        json.WriteNumber("x0", marker.X);
                        json.WriteNumber("x1", marker.X);
                        json.WriteNumber("y0", 0);
                        json.WriteNumber("y1", 1);
                        json.WriteStartObject("line");
                        json.WriteString("color", marker.Color);
                        json.WriteNumber("width", 1.5);
                        if (marker.Dash is not null) json.WriteString("dash", "dash");
                        json.WriteEndObject();
                    }
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
        }
    }

    /// <summary>Plotly reads null as a gap, which is what NaN means in our series (JSON has no NaN).</summary>
    private static void Numbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
            if (double.IsFinite(v)) json.WriteNumberValue(Math.Round(v, 6));
            else json.WriteNullValue();
        json.WriteEndArray();
    }

    private static void Axis(Utf8JsonWriter json, string name, string? title, AxisRange? range, IReadOnlyList<string>? categories)
    {
        json.WriteStartObject(name);
        if (title is not null) json.WriteString("title", title);
        if (categories is not null)
        {
            // Category i sits at x = i, as the SVG draws it
            Numbers(json, "tickvals", Enumerable.Range(0, categories.Count).Select(i => (double)i).ToList());
            json.WriteStartArray("ticktext");
            foreach (var category in categories) json.WriteStringValue(category);
            json.WriteEndArray();
        }
        if (range is { } r)
        {
            json.WriteStartArray("range");
            json.WriteNumberValue(r.Min);
            json.WriteNumberValue(r.Max);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }
}
