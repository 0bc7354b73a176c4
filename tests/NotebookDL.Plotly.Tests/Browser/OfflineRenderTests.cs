using System.Diagnostics;
using NotebookDL.Display;
using NotebookDL.Display.Tests;
using static NotebookDL.Display.Notebook;

namespace NotebookDL.Plotly.Tests.Browser;

/// <summary>The charts' HTML in headless Chromium from a file: no network, as in an offline notebook.</summary>
[Collection("plotly.js")]
public class OfflineRenderTests
{
    /// <summary>What the classic Notebook has on its page: require.js, whose define would swallow an unwrapped plotly.js.</summary>
    private const string RequireJsOnThePage = "<script>window.define = function () { document.title = 'plotly.js went to AMD'; }; window.define.amd = {};</script>";

    [ChromiumTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_TwoChartsFromAFile_PlotlyDrawsBothWithoutNetwork(bool requireJs)
    {
        PlotlyDisplay.ResendPlotlyJs();
        var first = Formatter.ToMimeBundle(plot([0.0, 1, 2], [1.0, 4, 9], "squares").to_plotly())[MimeBundle.Html];
        var second = Formatter.ToMimeBundle(new ConfusionMatrix(new long[,] { { 3, 1 }, { 0, 4 } }, ["a", "b"]).to_plotly())[MimeBundle.Html];
        var directory = Directory.CreateTempSubdirectory("notebookdl-plotly-browser-");
        var page = Path.Combine(directory.FullName, "charts.html");
        File.WriteAllText(page, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{(requireJs ? RequireJsOnThePage : "")}</head><body>{first}\n{second}</body></html>");

        var dom = DumpDom(page, directory.FullName);

        Assert.Equal(2, CountOf(dom, "class=\"plot-container plotly\"")); // what Plotly.newPlot builds in each chart's div
        Assert.Contains("class=\"heatmaplayer", dom);
        Assert.DoesNotContain("\">plotly.js is not loaded", dom); // the message a chart shows when plotly.js never came
        Assert.DoesNotContain("<title>plotly.js went to AMD", dom);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    private static string DumpDom(string page, string profile)
    {
        var start = new ProcessStartInfo(Chromium.Path!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in Chromium.HeadlessArguments(Path.Combine(profile, "profile"), 900, 900)
            .Concat(["--virtual-time-budget=10000", "--dump-dom", new Uri(page).AbsoluteUri]))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var dom = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Chromium did not load {page} within 90 s");
        }
        return dom.Result;
    }
}
