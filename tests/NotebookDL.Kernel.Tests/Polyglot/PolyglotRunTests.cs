using System.Text.Json.Nodes;
using NotebookDL.Kernel.Polyglot;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Tests.Polyglot;

/// <summary>Notebooks written for .NET Interactive, run by notebookdl's runner.</summary>
[Collection("cells")]
public class PolyglotRunTests
{
    private static List<JsonArray> Outputs(RunReport report) =>
        JsonNode.Parse(File.ReadAllText(report.OutputPath))!["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code").Select(c => c!["outputs"]!.AsArray()).ToList();

    private static string Text(JsonArray outputs) => string.Join("\n", outputs.Select(o => (string?)o!["output_type"] == "stream"
        ? NotebookJson.Text(o["text"]) : NotebookJson.Text(o!["data"]?["text/plain"])));

    [Fact]
    public async Task Run_PolyglotIpynb_RunsItsCSharpCellsWithTimeAndDisplayOverloads()
    {
        var report = await NotebookRunner.RunAsync(PolyglotNotebooks.Copy("polyglot.ipynb"), new RunOptions());

        Assert.True(report.Succeeded, $"{report.FailedCell}: {report.Error?.EValue}");
        var outputs = Outputs(report);
        Assert.Contains("Wall time:", Text(outputs[0]));
        var displays = outputs[1].Where(o => (string?)o!["output_type"] == "display_data").Select(o => o!["data"]!.AsObject()).ToList();
        Assert.Equal(2, displays.Count);
        Assert.Equal(["text/plain"], displays[0].Select(d => d.Key)); // display(model, "text/plain"): only what was asked
        Assert.Contains("text/html", displays[1].Select(d => d.Key)); // model.Display(): the full bundle
        Assert.Contains("done", Text(outputs[2]));
    }

    [Fact]
    public async Task Run_ConvertedDib_ShowsHtmlAndTheSeededTensor()
    {
        var ipynb = DibConversion.Convert(PolyglotNotebooks.Copy("xor.dib"), null, overwrite: false);

        var report = await NotebookRunner.RunAsync(ipynb, new RunOptions());

        Assert.True(report.Succeeded, $"{report.FailedCell}: {report.Error?.EValue}");
        var outputs = Outputs(report);
        Assert.Contains("4", Text(outputs[0]));
        var html = outputs[1].Select(o => NotebookJson.Text(o!["data"]?["text/html"])).ToList();
        Assert.Contains(html, h => h.Contains("<table", StringComparison.Ordinal) || h.Contains("<div", StringComparison.Ordinal));
        Assert.Contains("<b>bold</b>", html);
    }

    [Fact]
    public async Task Run_ConvertedDibWithFSharpCell_StopsThereNamingTheLanguage()
    {
        var ipynb = DibConversion.Convert(PolyglotNotebooks.Copy("mixed.dib"), null, overwrite: false);

        var report = await NotebookRunner.RunAsync(ipynb, new RunOptions());

        Assert.False(report.Succeeded);
        Assert.Equal("ForeignLanguageCell", report.Error?.EName);
        Assert.Equal("this cell is F# (#!fsharp), but NotebookDL's kernel runs C# only: run this notebook in .NET Interactive (Polyglot Notebooks), or rewrite the cell in C#", report.Error?.EValue);
    }

    [Fact]
    public async Task Run_IpynbCellMarkedFSharpInMetadata_StopsThereNamingTheLanguage()
    {
        var path = PolyglotNotebooks.Copy("polyglot.ipynb");
        var notebook = JsonNode.Parse(File.ReadAllText(path))!;
        var cell = notebook["cells"]![2]!;
        cell["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "fsharp" } };
        cell["source"] = "let x = 1";
        File.WriteAllText(path, notebook.ToJsonString());

        var report = await NotebookRunner.RunAsync(path, new RunOptions());

        Assert.False(report.Succeeded);
        Assert.Equal("ForeignLanguageCell", report.Error?.EName);
        Assert.StartsWith("this cell is F# (#!fsharp)", report.Error?.EValue);
    }
}
