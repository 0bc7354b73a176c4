using System.Text.Json.Nodes;
using NotebookDL.Kernel.Grading;
using NotebookDL.Kernel.Runner;
using static NotebookDL.Kernel.Tests.Grading.GradingNotebooks;

namespace NotebookDL.Kernel.Tests.Grading;

public class AssignmentReleaseTests
{
    private static List<JsonObject> StudentCells(JsonObject source) =>
        NotebookJson.Cells(AssignmentRelease.FromSource(source, "a.ipynb").Student).ToList();

    [Fact]
    public void FromSource_CodeSolution_ReplacedByStub()
    {
        var cells = StudentCells(AddAssignment());
        Assert.Equal("static int Add(int a, int b)\n{\n    // YOUR CODE HERE\n    throw new NotImplementedException();\n}", NbgraderCell.Source(cells[1]));
    }

    [Fact]
    public void FromSource_MarkdownSolution_ReplacedByTextStub() =>
        Assert.Equal("Why does addition commute?\n\nYOUR ANSWER HERE", NbgraderCell.Source(StudentCells(AddAssignment())[4]));

    [Fact]
    public void FromSource_HiddenTests_Removed() =>
        Assert.Equal("if (Add(1, 2) != 3) throw new Exception(\"Add(1, 2) should be 3\");", NbgraderCell.Source(StudentCells(AddAssignment())[2]));

    [Fact]
    public void FromSource_TrackedCells_ChecksumOfTheStudentText()
    {
        foreach (var cell in StudentCells(AddAssignment()).Where(NbgraderCell.IsTracked))
        {
            Assert.Equal(NbgraderChecksum.Compute(cell), NbgraderCell.Metadata(cell)!["checksum"]!.GetValue<string>());
            Assert.Equal(NbgraderCell.CellType(cell), NbgraderCell.Metadata(cell)!["cell_type"]!.GetValue<string>());
        }
    }

    [Fact]
    public void FromSource_Gradebook_KeepsHiddenTestsAndChecksumsThem()
    {
        var release = AssignmentRelease.FromSource(AddAssignment(), "a.ipynb");
        var test = release.Find("test_add")!;
        Assert.Contains("Add(-1, 1)", NbgraderCell.Source(test));
        Assert.Equal(NbgraderChecksum.Compute(test), NbgraderCell.Metadata(test)!["checksum"]!.GetValue<string>());
        Assert.Equal(["add", "test_add", "test_twice", "why"], release.Gradebook.Select(c => NbgraderCell.GradeId(c)));
    }

    [Fact]
    public void FromSource_Outputs_Cleared()
    {
        var source = AddAssignment();
        var test = (JsonObject)source["cells"]![2]!;
        test["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "ok" });
        test["execution_count"] = 7;
        var cell = StudentCells(source)[2];
        Assert.Empty(cell["outputs"]!.AsArray());
        Assert.Null(cell["execution_count"]);
    }

    [Fact]
    public void FromSource_LockedCells_NotEditableOrDeletable()
    {
        var cells = StudentCells(AddAssignment());
        Assert.False(cells[2]["metadata"]!["editable"]!.GetValue<bool>());
        Assert.False(cells[2]["metadata"]!["deletable"]!.GetValue<bool>());
        Assert.False(cells[1]["metadata"]!["deletable"]!.GetValue<bool>());
        Assert.Null(cells[1]["metadata"]!["editable"]);
    }

    [Fact]
    public void FromSource_SolutionRegionOutsideSolutionCell_ThrowsNamingTheCell()
    {
        var source = Notebook(Cell("code", "// ### BEGIN SOLUTION\nx\n// ### END SOLUTION"));
        var error = Assert.Throws<InvalidDataException>(() => AssignmentRelease.FromSource(source, "a.ipynb"));
        Assert.Equal("a.ipynb: cell 1: has a solution region but is not a solution cell (set metadata.nbgrader.solution to true)", error.Message);
    }

    [Fact]
    public void FromSource_HiddenTestsOutsideGradeCell_Throws()
    {
        var source = Notebook(Cell("code", "// ### BEGIN HIDDEN TESTS\nx\n// ### END HIDDEN TESTS", Nbgrader("ro", locked: true)));
        var error = Assert.Throws<InvalidDataException>(() => AssignmentRelease.FromSource(source, "a.ipynb"));
        Assert.StartsWith("a.ipynb: cell 1 ('ro'): has a hidden-tests region but is not a grade cell", error.Message);
    }
}
