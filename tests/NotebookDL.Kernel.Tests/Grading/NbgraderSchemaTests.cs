using System.Text.Json.Nodes;
using NotebookDL.Kernel.Grading;
using static NotebookDL.Kernel.Tests.Grading.GradingNotebooks;

namespace NotebookDL.Kernel.Tests.Grading;

public class NbgraderSchemaTests
{
    [Fact]
    public void Problems_ValidAssignment_None() => Assert.Empty(NbgraderSchema.Problems(AddAssignment()));

    [Fact]
    public void Problems_GradeCellWithoutPoints_Reported()
    {
        var problems = NbgraderSchema.Problems(Notebook(Cell("code", "x", Nbgrader("t", grade: true))));
        Assert.Equal(["cell 1 ('t'): a grade cell needs points"], problems);
    }

    [Fact]
    public void Problems_OldSchemaVersion_Reported()
    {
        var metadata = Nbgrader("t", locked: true);
        metadata["schema_version"] = 2;
        Assert.Equal(["cell 1 ('t'): schema_version 2 is outdated (expected 3)"], NbgraderSchema.Problems(Notebook(Cell("code", "x", metadata))));
    }

    [Fact]
    public void Problems_DuplicateGradeId_Reported() =>
        Assert.Equal(["cell 2 ('t'): duplicate grade_id 't'"],
            NbgraderSchema.Problems(Notebook(Test("t", 1, "a"), Test("t", 1, "b"))));

    [Fact]
    public void Problems_MarkdownGradeCellNotSolution_Reported() =>
        Assert.Equal(["cell 1 ('w'): a markdown grade cell must also be a solution cell"],
            NbgraderSchema.Problems(Notebook(Cell("markdown", "x", Nbgrader("w", grade: true, points: 1)))));

    [Fact]
    public void Problems_WrongTypesAndExtraKeys_EachReported()
    {
        var metadata = Nbgrader("bad id", grade: true, points: -1);
        metadata["locked"] = "yes";
        metadata["colour"] = "red";
        var problems = NbgraderSchema.Problems(Notebook(Cell("code", "x", metadata)));
        Assert.Contains(problems, p => p.EndsWith("unknown key 'colour' (allowed: schema_version, grade, locked, solution, task, grade_id, points, checksum, cell_type)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EndsWith("'locked' must be true or false", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EndsWith("grade_id must be a string of letters, digits, '_' and '-'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EndsWith("points must be a number ≥ 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_InvalidNotebook_ThrowsListingEveryProblem()
    {
        var notebook = Notebook(Cell("code", "x", Nbgrader("", grade: true)), Cell("markdown", "y", new JsonObject { ["grade"] = true }));
        var error = Assert.Throws<InvalidDataException>(() => NbgraderSchema.Check(notebook, "a.ipynb"));
        Assert.Contains("a grade cell needs points", error.Message);
        Assert.Contains("cell 2: schema_version must be the integer 3", error.Message);
    }
}
