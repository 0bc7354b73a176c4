using System.Text.Json.Nodes;
using NotebookDL.Kernel.Grading;
using static NotebookDL.Kernel.Tests.Grading.GradingNotebooks;

namespace NotebookDL.Kernel.Tests.Grading;

public class AutoGradeTests
{
    private static JsonObject TestWith(params JsonObject[] outputs)
    {
        var cell = Test("t", 3, "Check();");
        cell["outputs"] = new JsonArray([.. outputs]);
        return cell;
    }

    private static JsonObject Stream(string name, string text) => new() { ["output_type"] = "stream", ["name"] = name, ["text"] = text };

    private static JsonObject Result(string text) => new() { ["output_type"] = "execute_result", ["data"] = new JsonObject { ["text/plain"] = text } };

    [Fact]
    public void Score_TestWithStdoutOnly_FullPoints() =>
        Assert.Equal(new ExerciseScore("t", 3, 3, "passed"), AutoGrade.Score(TestWith(Stream("stdout", "fine\n"))));

    [Fact]
    public void Score_TestWithError_Zero() =>
        Assert.Equal(new ExerciseScore("t", 0, 3, "failed: BookCheckFailedException: ✗ loss"),
            AutoGrade.Score(TestWith(new JsonObject { ["output_type"] = "error", ["ename"] = "BookCheckFailedException", ["evalue"] = "✗ loss\nmore", ["traceback"] = new JsonArray() })));

    [Fact]
    public void Score_TestWithStderr_Zero() =>
        Assert.Equal(0, AutoGrade.Score(TestWith(Stream("stdout", "a"), Stream("stderr", "warning"))).Points);

    [Fact]
    public void Score_NumericResult_PartialCredit() =>
        Assert.Equal(new ExerciseScore("t", 1.5, 3, "partial credit 1.5"), AutoGrade.Score(TestWith(Result("1.5"))));

    [Fact]
    public void Score_NumericResultAbovePoints_Zero() =>
        Assert.Equal(0, AutoGrade.Score(TestWith(Result("4"))).Points);

    [Fact]
    public void Score_TextResult_FullPoints() =>
        Assert.Equal(3, AutoGrade.Score(TestWith(Result("✓ accuracy"))).Points);

    [Fact]
    public void Score_UnchangedGradedAnswer_ZeroAsNoAnswer()
    {
        var cell = Cell("markdown", "YOUR ANSWER HERE", Nbgrader("w", solution: true, grade: true, points: 2));
        NbgraderCell.Metadata(cell)!["checksum"] = NbgraderChecksum.Compute(cell);
        Assert.Equal(new ExerciseScore("w", 0, 2, "no answer (the cell is as it was released)"), AutoGrade.Score(cell));
    }

    [Fact]
    public void Score_WrittenGradedAnswer_NeedsManualGrading()
    {
        var cell = Cell("markdown", "YOUR ANSWER HERE", Nbgrader("w", solution: true, grade: true, points: 2));
        NbgraderCell.Metadata(cell)!["checksum"] = NbgraderChecksum.Compute(cell);
        cell["source"] = "Because the weights are symmetric.";
        Assert.Null(AutoGrade.Score(cell).Points);
    }
}
