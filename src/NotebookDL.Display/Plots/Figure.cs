using System.Text;

namespace NotebookDL.Display;

/// <summary>
/// A picture of one or more charts laid out in a grid (small multiples), with an optional overall title.
/// Renders as SVG, with a text/plain description of every panel for consoles and screen readers.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource<Figure>), PreferredMimeTypes = [MimeBundle.Svg, MimeBundle.PlainText])]
public sealed record Figure(IReadOnlyList<Chart> Panels, string? Title = null) : IDisplayable
{
    /// <summary>Panels per row; by default 1 for a single chart, else 2.</summary>
    public int? Columns { get; init; }

    public double Width { get; init; } = Theme.Width;

    /// <summary>Height of each panel; by default 340 for one column, 280 for more.</summary>
    public double? PanelHeight { get; init; }

    /// <summary>One legend for all panels, under the title, instead of one per panel (panels share their series).</summary>
    public bool SharedLegend { get; init; }

    /// <summary>Also sends Plotly JSON, which front ends with a Plotly renderer (VS Code, JupyterLab with jupyterlab-plotly) show interactively.</summary>
    public bool Interactive { get; init; }

    public MimeBundle ToMimeBundle()
    {
        var bundle = MimeBundle.Picture(ToText(), ToSvg());
        return Interactive ? bundle.With(MimeBundle.Plotly, PlotlyJson.Render(this)) : bundle;
    }

    public string ToSvg()
    {
        var columns = Math.Max(1, Columns ?? (Panels.Count == 1 ? 1 : 2));
        var rows = Math.Max(1, (Panels.Count + columns - 1) / columns);
        var panelHeight = PanelHeight ?? (columns == 1 ? 340 : 280);
        var top = Title is null ? 4.0 : 30.0;
        var legendRows = SharedLegend ? Legend.Layout(Panels.SelectMany(Legend.Entries).DistinctBy(e => e.Label).ToList(), Width - 24) : [];
        var legendTop = top;
        top += legendRows.Count * Legend.RowHeight;
        var svg = new SvgCanvas(Width, top + rows * panelHeight + 6, Title ?? Description());
        if (Title is not null) svg.Text(Width / 2, 22, Title, Theme.TitleSize + 1, anchor: "middle", bold: true);
        Legend.Draw(svg, legendRows, 14, legendTop);
        var panelWidth = (Width - 8) / columns;
        for (int i = 0; i < Panels.Count; i++)
        {
            var panel = SharedLegend ? Panels[i] with { ShowLegend = false } : Panels[i];
            ChartRenderer.Render(svg, panel, 4 + i % columns * panelWidth, top + i / columns * panelHeight, panelWidth, panelHeight);
        }
        return svg.ToSvg();
    }

    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(Title is null ? "Figure" : $"Figure: {Title}").Append('\n');
        foreach (var chart in Panels) text.Append(ChartText.Describe(chart));
        return text.ToString().TrimEnd('\n');
    }

    private string Description() => string.Join("; ", Panels.Select(p => p.Title ?? string.Join(", ", p.Series.Select(s => s.Label).Where(l => l.Length > 0))));

    public override string ToString() => ToText();
}
