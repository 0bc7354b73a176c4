using System.Text.Json.Nodes;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Plotly.Tests;

/// <summary>Plotly charts in a notebook run by NotebookDL's kernel (the headless runner, in process).</summary>
[Collection("plotly.js")]
public class KernelPlotlyTests
{
    [Fact]
    public async Task Run_NotebookWithTwoCharts_ShowsBothAsHtmlAndSendsPlotlyJsOnce()
    {
        var directory = Directory.CreateTempSubdirectory("notebookdl-plotly-kernel-").FullName;
        var path = Path.Combine(directory, "charts.ipynb");
        var dll = typeof(PlotlyCharts).Assembly.Location;
        string[] sources =
        [
            $"#r \"{dll}\"\nusing NotebookDL.Plotly;\nPlotlyDisplay.ResendPlotlyJs();",
            "plot(new double[] { 0, 1, 2 }, new double[] { 1, 4, 9 }, \"squares\", \"First\").to_plotly()",
            "display(plot_functions(Activations.sigmoid).to_plotly());",
        ];
        var cells = new JsonArray([.. sources.Select(s => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["source"] = s, ["outputs"] = new JsonArray(), ["execution_count"] = null,
        })]);
        File.WriteAllText(path, new JsonObject { ["cells"] = cells, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 }.ToJsonString());

        var report = await NotebookRunner.RunAsync(path, new RunOptions());

        Assert.True(report.Succeeded, $"{report.FailedCell}: {report.Error?.EValue}");
        var outputs = JsonNode.Parse(File.ReadAllText(report.OutputPath))!["cells"]!.AsArray().Skip(1).Select(c => c!["outputs"]![0]!["data"]!).ToList();
        Assert.Equal("Plotly chart \"First\": 1 trace (squares)", NotebookJson.Text(outputs[0]["text/plain"]));
        var first = NotebookJson.Text(outputs[0]["text/html"]);
        var second = NotebookJson.Text(outputs[1]["text/html"]);
        Assert.Contains("plotly.js v2.28.0", first);
        Assert.DoesNotContain("plotly.js v2.28.0", second);
        Assert.Contains("window.Plotly.newPlot", second);
    }
}
