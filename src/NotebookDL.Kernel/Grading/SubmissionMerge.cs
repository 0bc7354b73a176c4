using System.Text.Json.Nodes;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Grading;

/// <summary>
/// Prepares a submission for grading as nbgrader autograde's sanitize step does (ClearOutput, DeduplicateIds,
/// OverwriteCells with add_missing_cells): every tracked cell gets the source's nbgrader metadata back, locked
/// cells (tests, read-only text) get the source's text back with their hidden tests, and deleted tracked cells
/// are put back after the cell that preceded them. Each repair is noted for the report.
/// </summary>
public static class SubmissionMerge
{
    public static (JsonObject Notebook, IReadOnlyList<string> Notes) Merge(JsonObject submission, AssignmentRelease release)
    {
        var notebook = (JsonObject)submission.DeepClone();
        NotebookJson.Normalize(notebook);
        var notes = new List<string>();
        var cells = (JsonArray)notebook["cells"]!;
        foreach (var cell in NotebookJson.Cells(notebook)) AssignmentRelease.ClearOutputs(cell);
        DropDuplicates(cells, notes);
        foreach (var cell in NotebookJson.Cells(notebook).ToList())
        {
            if (NbgraderCell.GradeId(cell) is not { } id) continue;
            if (release.Find(id) is { } original) Overwrite(cell, original, id, notes);
            else
            {
                if (NbgraderCell.IsTracked(cell)) notes.Add($"'{id}' is not a cell of the source notebook; graded as an ordinary cell");
                ((JsonObject)cell["metadata"]!).Remove("nbgrader");
            }
        }
        RestoreMissing(cells, release, notes);
        return (notebook, notes);
    }

    /// <summary>A copied tracked cell would be graded twice; like nbgrader, the last copy keeps the id.</summary>
    private static void DropDuplicates(JsonArray cells, List<string> notes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = cells.Count - 1; i >= 0; i--)
        {
            if (!NbgraderCell.IsTracked(cells[i]) || NbgraderCell.GradeId(cells[i]) is not { } id) continue;
            if (seen.Add(id)) continue;
            ((JsonObject)cells[i]!["metadata"]!).Remove("nbgrader");
            notes.Add($"'{id}' appears more than once; only its last copy is graded");
        }
    }

    private static void Overwrite(JsonObject cell, JsonObject original, string id, List<string> notes)
    {
        var type = NbgraderCell.CellType(original);
        if (NbgraderCell.CellType(cell) != type)
        {
            notes.Add($"'{id}' was changed from a {type} cell to a {NbgraderCell.CellType(cell)} cell; changed back");
            ChangeType(cell, type);
        }
        var submitted = NbgraderCell.Metadata(cell);
        var metadata = (JsonObject)NbgraderCell.Metadata(original)!.DeepClone();
        if (submitted is not null && NbgraderCell.Points(cell) != NbgraderCell.Points(original) && NbgraderCell.IsGrade(original))
            notes.Add($"'{id}' had its points changed to {NbgraderCell.Points(cell)}; restored to {NbgraderCell.Points(original)}");
        ((JsonObject)cell["metadata"]!)["nbgrader"] = metadata;
        if (!NbgraderCell.IsLocked(original)) return;
        var expected = AssignmentRelease.StudentSource(original);
        if (NbgraderCell.Source(cell) != expected)
        {
            var released = (JsonObject)cell.DeepClone();
            released["source"] = expected;
            notes.Add($"locked cell '{id}' was changed (checksum {NbgraderChecksum.Compute(cell)}, released as {NbgraderChecksum.Compute(released)}); restored from the source");
        }
        cell["source"] = original["source"]!.DeepClone();
    }

    private static void ChangeType(JsonObject cell, string type)
    {
        cell["cell_type"] = type;
        if (type == "code")
        {
            cell["outputs"] = new JsonArray();
            cell["execution_count"] = null;
        }
        else
        {
            cell.Remove("outputs");
            cell.Remove("execution_count");
        }
    }

    private static void RestoreMissing(JsonArray cells, AssignmentRelease release, List<string> notes)
    {
        int insertAt = 0;
        foreach (var original in release.Gradebook)
        {
            var id = NbgraderCell.GradeId(original)!;
            int index = IndexOf(cells, id);
            if (index >= 0)
            {
                insertAt = index + 1;
                continue;
            }
            var restored = (JsonObject)original.DeepClone();
            restored["id"] = Guid.NewGuid().ToString("N")[..8];
            cells.Insert(insertAt++, restored);
            notes.Add($"'{id}' was missing from the submission; put back from the source");
        }
    }

    private static int IndexOf(JsonArray cells, string id)
    {
        for (int i = 0; i < cells.Count; i++)
            if (NbgraderCell.IsTracked(cells[i]) && NbgraderCell.GradeId(cells[i]) == id) return i;
        return -1;
    }
}
