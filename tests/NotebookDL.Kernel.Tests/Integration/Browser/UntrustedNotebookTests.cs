using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookDL.Display;
using NotebookDL.Kernel.Runner;
using Xunit.Abstractions;

namespace NotebookDL.Kernel.Tests.Integration.Browser;

/// <summary>
/// A notebook someone else ran (here notebooks/00-quickstart.ipynb through `notebookdl run`) is untrusted when a
/// student opens it: the classic UI ignores its SVG and must find a PNG copy of every figure, or the figure shows
/// as its text description only.
/// </summary>
[Collection("jupyter")]
public class UntrustedNotebookTests(ITestOutputHelper output)
{
    /// <summary>Per code cell: how many saved outputs are figures, and the PNG pictures, SVGs and text the UI rendered for it.</summary>
    private const string Figures = """
        Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').map(c => {
          const out = c.output_area.element[0];
          return {
            figures: c.output_area.outputs.filter(o => o.data && (o.data['image/png'] || o.data['image/svg+xml'])).length,
            pngs: [...out.querySelectorAll('.output_png img')].map(i => ({ source: i.src.slice(0, 22), width: i.naturalWidth, height: i.naturalHeight, shownWidth: i.clientWidth })),
            svgs: out.querySelectorAll('svg').length,
            text: out.innerText.slice(0, 200)
          };
        })
        """;

    [ClassicNotebookFact]
    public async Task UntrustedNotebook_WithSavedFigures_ShowsEveryFigureAsPngPicture()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var server = await ClassicNotebookServer.StartAsync();
        var report = await NotebookRunner.RunAsync(Quickstart(), new RunOptions(server.NotebookDirectory));
        Assert.True(report.Succeeded, $"notebookdl run of the quick start failed: {report.FailedCell}: {report.Error?.EValue}");
        var saved = SavedFigureTypes(report.OutputPath);
        Assert.NotEmpty(saved);
        Assert.All(saved, types => Assert.Contains("image/png", types));
        output.WriteLine($"notebookdl run wrote {saved.Count} figures in {watch.Elapsed.TotalSeconds:0.0} s");

        await using var chromium = await HeadlessChromium.StartAsync();
        var notebook = new ClassicNotebookPage(await chromium.OpenPageAsync());
        await notebook.OpenAsync(server.NotebookUrl(Path.GetFileName(report.OutputPath)), waitForKernel: false);
        const string step = "show an untrusted notebook's figures";
        await notebook.ExpectAsync((await notebook.EvaluateAsync("Jupyter.notebook.trusted"))?.GetValue<bool>() == false, step,
            "the notebook, written by notebookdl run and never signed, to open untrusted");
        await notebook.Page.WaitForAsync(step, "[...document.querySelectorAll('.output_png img')].every(i => i.complete && i.naturalWidth > 0)",
            TimeSpan.FromSeconds(30), ClassicNotebookPage.Describe);

        var cells = (await notebook.EvaluateAsync(Figures))!.AsArray()
            .Select(c => c.Deserialize<RenderedCell>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!).ToList();
        await notebook.ExpectAsync(cells.Sum(c => c.Figures) == saved.Count, step, $"the UI to load the {saved.Count} saved figures");
        foreach (var (cell, index) in cells.Select((c, i) => (c, i)).Where(p => p.c.Figures > 0))
        {
            await notebook.ExpectAsync(cell.Pngs.Count == cell.Figures, step,
                $"code cell {index} to show each of its {cell.Figures} figures as an <img>, not as text (it showed {cell.Pngs.Count} pictures and the text \"{cell.Text}\")");
            await notebook.ExpectAsync(cell.Svgs == 0, step, $"code cell {index} to drop the untrusted SVG (it showed {cell.Svgs})");
            foreach (var png in cell.Pngs)
                await notebook.ExpectAsync(png.Source == "data:image/png;base64," && png.Width > 100 && png.Height > 50, step,
                    $"code cell {index}'s picture to be a data:image/png URI of sensible size (it was {png.Source}… at {png.Width}×{png.Height})");
            // the PNG is drawn at SvgRasterizer.Scale× for sharpness; its metadata must bring it back to the figure's own size
            foreach (var png in cell.Pngs)
                await notebook.ExpectAsync(Math.Abs(png.ShownWidth - png.Width / SvgRasterizer.Scale) <= 1, step,
                    $"code cell {index}'s {png.Width}-pixel PNG to be shown {png.Width / SvgRasterizer.Scale:0} CSS pixels wide, as big as the SVG would be (it was {png.ShownWidth})");
        }
        output.WriteLine("screenshot: " + await notebook.ScreenshotAsync("classic-notebook-untrusted.png"));
        output.WriteLine($"whole test {watch.Elapsed.TotalSeconds:0.0} s");
    }

    private static string Quickstart()
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "NotebookDL.sln"))) repository = repository.Parent;
        return Path.Combine(repository?.FullName ?? throw new DirectoryNotFoundException("no NotebookDL.sln above the test assembly"),
            "notebooks", "00-quickstart.ipynb");
    }

    /// <summary>The MIME types of every saved output that is a figure (carries SVG or PNG).</summary>
    private static List<List<string>> SavedFigureTypes(string notebookPath) =>
        JsonNode.Parse(File.ReadAllText(notebookPath))!["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"]?.AsArray() ?? [])
            .Select(o => o!["data"]?.AsObject().Select(d => d.Key).ToList() ?? [])
            .Where(types => types.Contains("image/svg+xml") || types.Contains("image/png"))
            .ToList();

    private sealed record RenderedCell(int Figures, List<RenderedPicture> Pngs, int Svgs, string Text);

    private sealed record RenderedPicture(string Source, int Width, int Height, int ShownWidth);
}
