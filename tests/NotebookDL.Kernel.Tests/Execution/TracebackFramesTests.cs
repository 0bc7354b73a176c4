using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Tests.Execution;

[Collection("cells")]
public class TracebackFramesTests(SharedSession shared)
{
    private const string ShapeMistake = "var a = torch.zeros(2, 3);\nvar b = torch.zeros(4, 5);\nvar c = a.matmul(b);";

    [Fact]
    public async Task FromException_EngineRejectsTheCellsShapes_ListsTheCellLineAndHidesEngineFrames()
    {
        var result = await shared.Session.ExecuteAsync(ShapeMistake, "In[31]", new RecordingOutput());

        var error = Assert.IsType<CellError>(result.Error);
        Assert.False(string.IsNullOrEmpty(error.EName));
        Assert.False(string.IsNullOrEmpty(error.EValue));
        Assert.Equal("   at Cell In[31], line 3", error.Traceback[1]);
        Assert.DoesNotContain(error.Traceback, line => line.StartsWith("   at NotebookDL.", StringComparison.Ordinal) || line.StartsWith("   at System.", StringComparison.Ordinal));
        Assert.Matches(@"^   \(raised in NotebookDL\.[\w.]+; \d+ frames? inside NotebookDL and \.NET hidden: NOTEBOOKDL_FULL_TRACEBACK=1 shows them\)$", error.Traceback[2]);
    }

    [Fact]
    public void Lines_Full_ListsTheEngineFramesToo()
    {
        var exception = Record.Exception(() => torch.zeros(2, 3).matmul(torch.zeros(4, 5)));

        var compact = TracebackFrames.Lines(exception!, full: false);
        var full = TracebackFrames.Lines(exception!, full: true);

        Assert.DoesNotContain(compact, line => line.StartsWith("   at NotebookDL.Ops", StringComparison.Ordinal));
        Assert.StartsWith("   at NotebookDL.", full[0]);
        Assert.True(full.Count > compact.Count, $"full {full.Count} lines, compact {compact.Count}");
    }
}
