namespace NotebookDL.Display;

public enum SeriesKind
{
    Line,
    Scatter,
    LineWithMarkers,

    /// <summary>Unconnected segments: X and Y hold (start, end) pairs, as contour lines are drawn.</summary>
    Segments,

    /// <summary>Vertical bars from 0 to each Y, centred on X, <see cref="Series.BarWidth"/> wide.</summary>
    Bars,
}

/// <summary>One data series of a chart. A label of "" keeps it out of the legend.</summary>
public sealed record Series(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, SeriesKind Kind = SeriesKind.Line)
{
    /// <summary>A CSS colour; null takes the next palette colour.</summary>
    public string? Color { get; init; }

    /// <summary>An SVG stroke-dasharray such as "6 4"; null for solid.</summary>
    public string? Dash { get; init; }

    public double Width { get; init; } = 2;

    public double MarkerRadius { get; init; } = 3.5;

    public double Opacity { get; init; } = 1;

    /// <summary>A bar's width in x units (bar charts; categories sit 1 apart).</summary>
    public double BarWidth { get; init; } = 0.8;

    /// <summary>Outline drawn around scatter points so they stay visible on a coloured background.</summary>
    public string? MarkerStroke { get; init; }
}

/// <summary>A vertical line at an x position with a short label, e.g. "early stop" or "lr 1e-4".</summary>
public sealed record VerticalMarker(double X, string Label, string Color, string? Dash = "4 3");

public enum MarkerShape
{
    Circle,
    Diamond,
    Star,
}

/// <summary>A highlighted point, e.g. the best epoch or a saved checkpoint; equal labels share one legend entry.</summary>
public sealed record PointMarker(double X, double Y, string Label, string Color, MarkerShape Shape = MarkerShape.Circle);

/// <summary>A raster drawn under the data over the given data rectangle (a decision-boundary heatmap).</summary>
public sealed record RasterLayer(string PngDataUri, double XMin, double XMax, double YMin, double YMax, bool Pixelated = false);

public readonly record struct AxisRange(double Min, double Max);
