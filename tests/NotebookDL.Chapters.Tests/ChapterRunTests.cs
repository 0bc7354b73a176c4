using System.Diagnostics;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Chapters.Tests;

/// <summary>
/// Every chapter runs end to end with its quick-check sizes (metadata.notebookdl.ci_parameters), exactly as
/// `notebookdl run --ci` does: a cell error or a textbook number that no longer matches (expect's ✗) fails.
/// Run times go to chapter-runs.log beside the test assembly, which .ci/run prints.
/// </summary>
[Collection("chapters")]
public class ChapterRunTests
{
    [Theory]
    [MemberData(nameof(ChapterFiles.SelfContained), MemberType = typeof(ChapterFiles))]
    public Task RunAsync_CiParameters_EveryCellSucceeds(string chapter) => RunAsync(chapter);

    [SharedDataTheory]
    [MemberData(nameof(ChapterFiles.OnSharedData), MemberType = typeof(ChapterFiles))]
    public Task RunAsync_RealDataChapterAtCiSizes_EveryCellSucceeds(string chapter) => RunAsync(chapter);

    [Theory]
    [MemberData(nameof(ChapterFiles.OnTorchSharp), MemberType = typeof(ChapterFiles))]
    public Task RunAsync_OnTorchSharpAtCiSizes_EveryCellSucceeds(string chapter) => RunAsync(chapter, "torchsharp");

    private static async Task RunAsync(string chapter, string? engine = null)
    {
        var output = Path.Combine(Path.GetTempPath(), "notebookdl-chapters", Guid.NewGuid().ToString("N"));
        var progress = new StringWriter();
        var watch = Stopwatch.StartNew();

        var report = await NotebookRunner.RunAsync(Path.Combine(ChapterFiles.ChaptersFolder, chapter),
            new RunOptions(OutputDirectory: output, UseCiParameters: true, CellTimeout: TimeSpan.FromMinutes(5), Progress: progress, Engine: engine));

        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "chapter-runs.log"),
            $"{chapter}{(engine is null ? "" : $" ({engine})")}: {(report.Succeeded ? "ok" : "FAILED")} in {watch.Elapsed.TotalSeconds:0.0} s{Environment.NewLine}");
        Assert.True(report.Succeeded, $"{chapter}: {report.FailedCell}: {report.Error?.EName}: {report.Error?.EValue}\n{progress}");
    }
}

/// <summary>Skips the real-data chapters where no shared/data (MNIST and CIFAR-10) sits above the checkout.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (ChapterFiles.SharedData is null) Skip = "no shared/data with mnist/ and cifar-10-batches-bin/ above the test directory";
    }
}

