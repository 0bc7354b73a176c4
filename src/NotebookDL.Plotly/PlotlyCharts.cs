using NotebookDL.Display;
using NotebookDL.Training;
using Plotly.NET;
using Figure = NotebookDL.Display.Figure;

namespace NotebookDL.Plotly;

/// <summary>
/// NotebookDL's charts as Plotly.NET charts (hover values, zoom, pan): <c>history.to_plotly()</c>,
/// <c>plot_confusion_matrix(...).to_plotly()</c>, <c>plot_decision_boundary(...).to_plotly()</c>,
/// <c>plot_functions(...).to_plotly()</c>. They show the same data as the SVG displays, which stay the default; the
/// result is a plain GenericChart, so Plotly.NET's own functions can restyle it.
/// </summary>
public static class PlotlyCharts
{
    /// <summary>Any NotebookDL figure (function plots, decision boundaries, bar charts, learning curves): one subplot per panel.</summary>
    public static GenericChart to_plotly(this Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return PlotlyFigure.FromJson(PlotlyJson.Render(figure));
    }

    /// <summary>The learning curves of a training run: loss and each metric per epoch, training and validation.</summary>
    public static GenericChart to_plotly(this History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return HistoryChart.From(history).to_plotly();
    }

    public static GenericChart to_plotly(this HistoryChart history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return HistoryFigure.Build(history).to_plotly();
    }

    /// <summary>A confusion matrix as an annotated heatmap: true classes down, predicted classes across.</summary>
    public static GenericChart to_plotly(this ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return ConfusionMatrixDisplay.From(matrix).to_plotly();
    }

    public static GenericChart to_plotly(this ConfusionMatrixDisplay matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return PlotlyFigure.FromJson(ConfusionMatrixHeatmap.Json(matrix));
    }
}
