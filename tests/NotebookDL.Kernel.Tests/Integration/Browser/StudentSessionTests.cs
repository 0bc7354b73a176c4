using System.Globalization;
using Xunit.Abstractions;

namespace NotebookDL.Kernel.Tests.Integration.Browser;

/// <summary>
/// What a student sees: the classic Notebook UI (Debian's python3-notebook) in headless Chromium, with the notebookdl
/// kernel built with these tests. One session, in the order a student works: run all, stop a runaway loop, train
/// with a live chart. Screenshots land in the display tests' screenshot folder (the test's output names them).
/// </summary>
[Collection("jupyter")]
public class StudentSessionTests(ITestOutputHelper output)
{
    private const string LiveFit = """
        using NotebookDL.Training;
        // a few milliseconds per epoch, so the chart is redrawn several times while the cell runs
        class Pace : Callback { public override void on_epoch_end(int epoch, Logs logs) => System.Threading.Thread.Sleep(60); }
        var xs = torch.tensor(new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, [4, 2]);
        var ys = torch.tensor(new float[] { 0, 1, 1, 0 }, [4, 1]);
        var net = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1), nn.Sigmoid());
        net.compile(loss: "binary_crossentropy", optimizer: optim.Adam(net.parameters(), lr: 0.05));
        var live = new LiveTrainingPlot(epochs: 40, min_interval: 0.2);
        net.fit(xs, ys, epochs: 40, batch_size: 4, verbose: 0, callbacks: [new Pace(), live]);
        $"{live.Redraws} redraws"
        """;

    [ClassicNotebookFact]
    public async Task StudentSession_InClassicNotebook_RendersOutputsSurvivesInterruptAndRedrawsLivePlotInPlace()
    {
        var total = System.Diagnostics.Stopwatch.StartNew();
        using var server = await ClassicNotebookServer.StartAsync();
        await using var chromium = await HeadlessChromium.StartAsync();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Integration", "Browser", "student.ipynb"), Path.Combine(server.NotebookDirectory, "student.ipynb"));
        var notebook = new ClassicNotebookPage(await chromium.OpenPageAsync());
        await notebook.OpenAsync(server.NotebookUrl("student.ipynb"), waitForKernel: true);
        Log($"notebook open and kernel ready after {total.Elapsed.TotalSeconds:0.0} s");

        await RunAllAsync(notebook);
        Log("screenshot: " + await notebook.ScreenshotAsync("classic-notebook-run-all.png"));
        await InterruptAsync(notebook);
        await LivePlotAsync(notebook);
        await notebook.EvaluateAsync("Jupyter.notebook.scroll_to_bottom(), true");
        Log("screenshot: " + await notebook.ScreenshotAsync("classic-notebook-live-plot.png"));
        Log($"whole session {total.Elapsed.TotalSeconds:0.0} s");
        // the UI logs what it could not match to an output (an update for an unknown display id) or failed to run
        var complaints = chromium.DevTools.ConsoleLines.Where(l => l.StartsWith("uncaught:", StringComparison.Ordinal) ||
            l.Contains("display_id", StringComparison.Ordinal) || l.StartsWith("console.error", StringComparison.Ordinal)).ToList();
        Assert.True(complaints.Count == 0, "The notebook UI complained:\n" + string.Join('\n', complaints));
    }

    /// <summary>Run all: the tensor prints as text, the summary as an HTML table, the chart as a picture; nothing fails.</summary>
    private async Task RunAllAsync(ClassicNotebookPage notebook)
    {
        const string step = "run all cells";
        await notebook.EvaluateAsync("Jupyter.notebook.execute_all_cells(), true");
        Log($"{step}: {(await notebook.WaitForCellsAsync(step)).TotalSeconds:0.0} s");

        var tensor = await notebook.CellAsync(1);
        await notebook.ExpectAsync(tensor.Text.Contains("Tensor [2, 2] · torch.float32", StringComparison.Ordinal) && tensor.Text.Contains("1.5000", StringComparison.Ordinal),
            step, "cell 1 to show the tensor's shape, dtype and its value 1.5000");
        var summary = await notebook.CellAsync(2);
        await notebook.ExpectAsync(summary.Table >= 1 && summary.Text.Contains("(Linear)", StringComparison.Ordinal) && summary.Text.Contains("Total params:\t17", StringComparison.Ordinal),
            step, "cell 2 to show the model summary as HTML tables listing the Linear layers and 17 parameters (2·4+4 + 4·1+1)");
        var chart = await notebook.CellAsync(3);
        await notebook.ExpectAsync(chart.Svg + chart.Png == 1,
            step, "cell 3 to show the chart as exactly one picture (an <svg> or <img>)");
        for (var cell = 1; cell <= 4; cell++)
            await notebook.ExpectAsync((await notebook.CellAsync(cell)).Error == 0, step, $"cell {cell} to run without an error");
    }

    /// <summary>A runaway loop stops on the UI's interrupt with KeyboardInterrupt; a variable from before survives.</summary>
    private async Task InterruptAsync(ClassicNotebookPage notebook)
    {
        const string step = "interrupt an endless loop";
        var loop = await notebook.AppendAndRunAsync("while (true) { }");
        await notebook.Page.WaitForAsync(step, "document.querySelector('#kernel_indicator_icon').classList.contains('kernel_busy_icon')",
            TimeSpan.FromSeconds(30), ClassicNotebookPage.Describe);
        await Task.Delay(TimeSpan.FromSeconds(1)); // let it spin for real
        await notebook.EvaluateAsync("Jupyter.notebook.kernel.interrupt(), true");
        var stopped = await notebook.WaitForCellsAsync(step, TimeSpan.FromSeconds(30));
        Log($"{step}: the cell ended {stopped.TotalSeconds:0.00} s after the interrupt");

        var interrupted = await notebook.CellAsync(loop);
        await notebook.ExpectAsync(interrupted.Error == 1 && interrupted.Text.Contains("KeyboardInterrupt", StringComparison.Ordinal),
            step, $"cell {loop} to end with one KeyboardInterrupt error output");
        var print = await notebook.AppendAndRunAsync("Console.WriteLine(kept)");
        await notebook.WaitForCellsAsync("print a variable defined before the interrupt");
        var printed = await notebook.CellAsync(print);
        await notebook.ExpectAsync(printed.Error == 0 && printed.Text.Trim() == "kept across the interrupt",
            "print a variable defined before the interrupt", $"cell {print} to print \"kept across the interrupt\"");
    }

    /// <summary>fit with a LiveTrainingPlot: one display, redrawn in place while training runs, ending as one picture.</summary>
    private async Task LivePlotAsync(ClassicNotebookPage notebook)
    {
        const string step = "train with a live chart";
        var fit = await notebook.AppendAndRunAsync(LiveFit, recordPictures: true);
        Log($"{step}: {(await notebook.WaitForCellsAsync(step)).TotalSeconds:0.0} s");

        var result = await notebook.CellAsync(fit);
        var frames = await notebook.PictureFramesAsync();
        var drawn = frames.Where(f => f.Pictures > 0).ToList();
        var distinct = drawn.Select(f => f.Content).Distinct().Count();
        Log($"{step}: {result.Text.Trim().Split('\n')[^1]}; the output area changed {frames.Count} times, showing {distinct} different pictures");
        await notebook.ExpectAsync(result.Error == 0 && result.Svg + result.Png == 1, step, $"cell {fit} to end with exactly one picture");
        await notebook.ExpectAsync(frames.All(f => f.Pictures <= 1), step,
            $"never more than one picture while redrawing (counts seen: {string.Join(",", frames.Select(f => f.Pictures).Distinct())})");
        await notebook.ExpectAsync(distinct >= 2, step, $"the picture to change while training (it showed {distinct} different pictures)");
        var shownFor = drawn.Count == 0 ? 0 : drawn[^1].Milliseconds - drawn[0].Milliseconds;
        await notebook.ExpectAsync(shownFor >= 500, step,
            $"the first and last pictures to be at least 0.5 s apart, as they are drawn during the 2.4 s of training (they were {shownFor.ToString("0", CultureInfo.InvariantCulture)} ms apart)");
    }

    private void Log(string line) => output.WriteLine(line);
}
