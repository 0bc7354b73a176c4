namespace NotebookDL.Display;

/// <summary>One set of axes: series plus optional markers and background raster. Ranges default to the data's.</summary>
public sealed record Chart(IReadOnlyList<Series> Series, string? Title = null, string? XLabel = null, string? YLabel = null)
{
    public AxisRange? XRange { get; init; }

    public AxisRange? YRange { get; init; }

    /// <summary>A logarithmic y axis (matplotlib's yscale('log')): decades as ticks; values ≤ 0 are left out.</summary>
    public bool LogY { get; init; }

    /// <summary>Names of the categories at x = 0, 1, 2, … (bar charts): they replace the numeric x ticks.</summary>
    public IReadOnlyList<string>? XCategories { get; init; }

    /// <summary>Ticks at whole numbers only (epochs).</summary>
    public bool IntegerX { get; init; }

    public IReadOnlyList<VerticalMarker> VerticalMarkers { get; init; } = [];

    public IReadOnlyList<PointMarker> PointMarkers { get; init; } = [];

    public RasterLayer? Background { get; init; }

    public bool ShowLegend { get; init; } = true;

    /// <summary>Draws a faint line at y = 0 and x = 0 when they are inside the ranges (function plots).</summary>
    public bool ShowZeroLines { get; init; }
}
