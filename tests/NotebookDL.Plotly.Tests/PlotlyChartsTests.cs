using System.Text.Json.Nodes;
using NotebookDL.Display;
using NotebookDL.Training;
using Plotly.NET;
using Chart = NotebookDL.Display.Chart;
using Figure = NotebookDL.Display.Figure;
using static NotebookDL.Display.Notebook;

namespace NotebookDL.Plotly.Tests;

public class PlotlyChartsTests
{
    private static JsonObject FigureJson(GenericChart chart) => JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();

    private static double?[] Numbers(JsonNode? array) => array!.AsArray().Select(v => v is null ? (double?)null : v.GetValue<double>()).ToArray();

    [Fact]
    public void ToPlotly_Figure_HasOneTracePerSeriesWithItsValuesAndGaps()
    {
        var figure = plot([0.0, 1, 2], [[1.0, double.NaN, 3], [4.0, 5, 6]], ["a", "b"], "Two lines");

        var json = FigureJson(figure.to_plotly());

        var data = json["data"]!.AsArray();
        Assert.Equal(["a", "b"], data.Select(t => (string?)t!["name"]));
        Assert.Equal([0.0, 1, 2], Numbers(data[0]!["x"]));
        Assert.Equal([1.0, null, 3], Numbers(data[0]!["y"]));
        Assert.Equal("Two lines", (string?)json["layout"]!["title"]);
    }

    [Fact]
    public void ToPlotly_History_DrawsTheLossOfEveryEpoch()
    {
        torch.manual_seed(0);
        var model = torch.nn.Sequential(torch.nn.Linear(2, 1));
        model.compile(loss: "mse", optimizer: "sgd");
        var history = model.fit(torch.randn(8, 2), torch.randn(8, 1), epochs: 3, verbose: 0);

        var json = FigureJson(history.to_plotly());

        Assert.Equal("loss", (string?)json["layout"]!["yaxis"]!["title"]);
        var loss = json["data"]![0]!;
        Assert.Equal("training", (string?)loss["name"]);
        Assert.Equal([1.0, 2, 3], Numbers(loss["x"]));
        Assert.Equal(history["loss"].Select(v => (double?)Math.Round(v, 6)), Numbers(loss["y"]));
    }

    [Fact]
    public void ToPlotly_ConfusionMatrix_IsAHeatmapOfTheCounts()
    {
        var matrix = new ConfusionMatrix(new long[,] { { 5, 1 }, { 2, 7 } }, ["cat", "dog"]);

        var heatmap = FigureJson(matrix.to_plotly())["data"]![0]!;

        Assert.Equal("heatmap", (string?)heatmap["type"]);
        Assert.Equal(["cat", "dog"], heatmap["x"]!.AsArray().Select(n => (string?)n));
        Assert.Equal([5.0, 1], Numbers(heatmap["z"]![0]));
        Assert.Equal([2.0, 7], Numbers(heatmap["z"]![1]));
    }

    [Fact]
    public void ToPlotly_DecisionBoundary_LaysItsProbabilityImageUnderThePoints()
    {
        torch.manual_seed(0);
        var x = torch.randn(20, 2);
        var y = (x[.., 0] > 0).to(NotebookDL.ScalarType.Int64);

        var json = FigureJson(plot_decision_boundary(torch.nn.Sequential(torch.nn.Linear(2, 2)), x, y, resolution: 16).to_plotly());

        var image = Assert.Single(json["layout"]!["images"]!.AsArray())!;
        Assert.StartsWith("data:image/png;base64,", (string?)image["source"]);
        Assert.Equal("below", (string?)image["layer"]);
        Assert.Contains(json["data"]!.AsArray(), t => (string?)t!["mode"] == "markers");
    }

    [Fact]
    public void ToPlotly_VerticalMarker_IsALineWithItsLabel()
    {
        var chart = new Chart([new Series("loss", [1.0, 2, 3], [3.0, 2, 1])], "loss", "epoch") { VerticalMarkers = [new VerticalMarker(2, "best epoch (2)", "#009E73")] };

        var layout = FigureJson(new Figure([chart]).to_plotly())["layout"]!;

        var line = Assert.Single(layout["shapes"]!.AsArray())!;
        Assert.Equal((2.0, 2.0, "y domain"), (line["x0"]!.GetValue<double>(), line["x1"]!.GetValue<double>(), (string?)line["yref"]));
        Assert.Equal("best epoch (2)", (string?)Assert.Single(layout["annotations"]!.AsArray())!["text"]);
    }

    [Fact]
    public void ToPlotly_BarChart_HasBarTracesAndCategoryTicks()
    {
        var json = FigureJson(bar(["a", "b", "c"], [1.0, 2, 3]).to_plotly());

        Assert.Equal("bar", (string?)json["data"]![0]!["type"]);
        Assert.Equal(["a", "b", "c"], json["layout"]!["xaxis"]!["ticktext"]!.AsArray().Select(n => (string?)n));
    }
}
