using System.Text.Json.Nodes;
using NotebookDL.Kernel.Grading;
using NotebookDL.Kernel.Runner;
using static NotebookDL.Kernel.Tests.Grading.GradingNotebooks;

namespace NotebookDL.Kernel.Tests.Grading;

public class SubmissionMergeTests
{
    private static readonly AssignmentRelease Release = AssignmentRelease.FromSource(AddAssignment(), "a.ipynb");

    private static JsonObject Student() => (JsonObject)Release.Student.DeepClone();

    private static JsonObject CellById(JsonObject notebook, string id) => NotebookJson.Cells(notebook).Single(c => NbgraderCell.GradeId(c) == id);

    [Fact]
    public void Merge_UnchangedStudentVersion_RestoresHiddenTestsWithoutNotes()
    {
        var (merged, notes) = SubmissionMerge.Merge(Student(), Release);
        Assert.Empty(notes);
        Assert.Contains("Add(-1, 1)", NbgraderCell.Source(CellById(merged, "test_add")));
    }

    [Fact]
    public void Merge_ChangedLockedCell_ReportedWithChecksumsAndRestored()
    {
        var student = Student();
        CellById(student, "test_twice")["source"] = "// no test here";
        var (merged, notes) = SubmissionMerge.Merge(student, Release);
        var note = Assert.Single(notes);
        Assert.StartsWith("locked cell 'test_twice' was changed (checksum ", note);
        Assert.EndsWith($"released as {NbgraderCell.Metadata(CellById(Release.Student, "test_twice"))!["checksum"]}); restored from the source", note);
        Assert.Equal("if (Add(Add(1, 1), 2) != 4) throw new Exception(\"Add(Add(1, 1), 2) should be 4\");", NbgraderCell.Source(CellById(merged, "test_twice")));
    }

    [Fact]
    public void Merge_ChangedPoints_Restored()
    {
        var student = Student();
        NbgraderCell.Metadata(CellById(student, "test_add"))!["points"] = 100;
        var (merged, notes) = SubmissionMerge.Merge(student, Release);
        Assert.Equal(2, NbgraderCell.Points(CellById(merged, "test_add")));
        Assert.Equal(["'test_add' had its points changed to 100; restored to 2"], notes);
    }

    [Fact]
    public void Merge_DeletedTestCell_PutBackAfterThePreviousOne()
    {
        var student = Student();
        var cells = student["cells"]!.AsArray();
        cells.Remove(CellById(student, "test_add"));
        var (merged, notes) = SubmissionMerge.Merge(student, Release);
        Assert.Equal([null, "add", "test_add", "test_twice", "why"], NotebookJson.Cells(merged).Select(NbgraderCell.GradeId));
        Assert.Equal(["'test_add' was missing from the submission; put back from the source"], notes);
    }

    [Fact]
    public void Merge_DuplicatedAnswerCell_OnlyLastCopyGraded()
    {
        var student = Student();
        student["cells"]!.AsArray().Insert(1, CellById(student, "add").DeepClone());
        var (merged, notes) = SubmissionMerge.Merge(student, Release);
        Assert.Equal(1, NotebookJson.Cells(merged).Count(c => NbgraderCell.GradeId(c) == "add"));
        Assert.Null(NbgraderCell.Metadata(NotebookJson.Cells(merged).ElementAt(1)));
        Assert.Equal(["'add' appears more than once; only its last copy is graded"], notes);
    }

    [Fact]
    public void Merge_TestCellTurnedIntoMarkdown_ChangedBack()
    {
        var student = Student();
        var test = CellById(student, "test_twice");
        test["cell_type"] = "markdown";
        test.Remove("outputs");
        var (merged, notes) = SubmissionMerge.Merge(student, Release);
        Assert.Equal("code", NbgraderCell.CellType(CellById(merged, "test_twice")));
        Assert.Contains("'test_twice' was changed from a code cell to a markdown cell; changed back", notes);
    }
}
