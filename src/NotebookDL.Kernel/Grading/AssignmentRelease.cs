using System.Text.Json.Nodes;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Grading;

/// <summary>
/// The student version of an assignment, made as `nbgrader generate_assignment` makes it: lock cells, replace
/// solutions with stubs, clear outputs, record checksums (this state is what nbgrader's gradebook keeps, hidden
/// tests included), then remove hidden tests and record the checksums again.
/// </summary>
public sealed class AssignmentRelease
{
    private readonly Dictionary<string, JsonObject> byId;

    private AssignmentRelease(JsonObject student, IReadOnlyList<JsonObject> gradebook)
    {
        Student = student;
        Gradebook = gradebook;
        byId = gradebook.ToDictionary(c => NbgraderCell.GradeId(c)!, StringComparer.Ordinal);
    }

    /// <summary>The notebook students receive.</summary>
    public JsonObject Student { get; }

    /// <summary>
    /// Each tracked cell, in notebook order, as nbgrader's gradebook stores it: solutions stubbed, hidden tests
    /// still in, and the checksum of that text. Grading restores locked cells and checks answers against these.
    /// </summary>
    public IReadOnlyList<JsonObject> Gradebook { get; }

    /// <summary>The gradebook cell with this grade_id, or null for an id the source does not have.</summary>
    public JsonObject? Find(string gradeId) => byId.GetValueOrDefault(gradeId);

    /// <summary>Builds the release from an instructor's source notebook (already read and nbformat-checked).</summary>
    public static AssignmentRelease FromSource(JsonObject source, string path)
    {
        NbgraderSchema.Check(source, path);
        var notebook = (JsonObject)source.DeepClone();
        NotebookJson.Normalize(notebook);
        if (notebook["metadata"] is JsonObject metadata) metadata.Remove("celltoolbar");
        var cells = NotebookJson.Cells(notebook).ToList();
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            Lock(cell);
            Rewrite(cell, i, path, ClearSolution);
            ClearOutputs(cell);
            RecordChecksum(cell);
        }
        var gradebook = cells.Where(NbgraderCell.IsTracked).Select(c => (JsonObject)c.DeepClone()).ToList();
        for (int i = 0; i < cells.Count; i++)
        {
            Rewrite(cells[i], i, path, ClearHiddenTests);
            RecordChecksum(cells[i]);
        }
        return new AssignmentRelease(notebook, gradebook);
    }

    /// <summary>The source a tracked cell has in the student version (the gradebook text without hidden tests).</summary>
    public static string StudentSource(JsonObject gradebookCell) =>
        SolutionRegions.RemoveHiddenTests(NbgraderCell.Source(gradebookCell)) ?? NbgraderCell.Source(gradebookCell);

    /// <summary>nbgrader's LockCells defaults: answers cannot be deleted, tests and read-only cells cannot be edited either.</summary>
    private static void Lock(JsonObject cell)
    {
        var metadata = (JsonObject)cell["metadata"]!;
        if (NbgraderCell.IsSolution(cell)) metadata["deletable"] = false;
        else if (NbgraderCell.IsLocked(cell))
        {
            metadata["deletable"] = false;
            metadata["editable"] = false;
        }
    }

    private static void Rewrite(JsonObject cell, int index, string path, Func<JsonObject, string, string?> rewrite)
    {
        try
        {
            if (rewrite(cell, NbgraderCell.Source(cell)) is { } text) cell["source"] = NotebookJson.Lines(text);
        }
        catch (InvalidDataException ex)
        {
            var id = NbgraderCell.GradeId(cell) is { } gradeId ? $" ('{gradeId}')" : "";
            throw new InvalidDataException($"{path}: cell {index + 1}{id}: {ex.Message}", ex);
        }
    }

    private static string? ClearSolution(JsonObject cell, string source)
    {
        var code = NotebookJson.IsCode(cell);
        var replaced = SolutionRegions.ReplaceSolutions(source, code ? SolutionRegions.CodeStub : SolutionRegions.TextStub);
        if (replaced is not null && !NbgraderCell.IsSolution(cell))
            throw new InvalidDataException("has a solution region but is not a solution cell (set metadata.nbgrader.solution to true)");
        if (replaced is null && NbgraderCell.IsSolution(cell)) return code ? SolutionRegions.CodeStub : SolutionRegions.TextStub;
        return replaced;
    }

    private static string? ClearHiddenTests(JsonObject cell, string source)
    {
        var removed = SolutionRegions.RemoveHiddenTests(source);
        if (removed is not null && !NbgraderCell.IsGrade(cell))
            throw new InvalidDataException("has a hidden-tests region but is not a grade cell (set metadata.nbgrader.grade to true and give it points)");
        return removed;
    }

    /// <summary>nbconvert's ClearOutput: no outputs, no execution counts, no view state.</summary>
    public static void ClearOutputs(JsonObject cell)
    {
        if (NotebookJson.IsCode(cell))
        {
            cell["outputs"] = new JsonArray();
            cell["execution_count"] = null;
        }
        if (cell["metadata"] is JsonObject metadata)
            foreach (var key in new[] { "collapsed", "scrolled", "execution" }) metadata.Remove(key);
    }

    private static void RecordChecksum(JsonObject cell)
    {
        if (!NbgraderCell.IsTracked(cell)) return;
        var metadata = NbgraderCell.Metadata(cell)!;
        metadata["checksum"] = NbgraderChecksum.Compute(cell);
        metadata["cell_type"] = NbgraderCell.CellType(cell);
    }
}
