using System.Text.Json.Nodes;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Grading;

/// <summary>
/// A cell's nbgrader role, read from metadata.nbgrader the way nbgrader's utils do: a grade cell is always locked
/// unless it is also a solution cell, and a solution cell is never locked.
/// </summary>
public static class NbgraderCell
{
    public static JsonObject? Metadata(JsonNode? cell) => cell?["metadata"]?["nbgrader"] as JsonObject;

    public static bool IsGrade(JsonNode? cell) => Flag(cell, "grade");

    public static bool IsSolution(JsonNode? cell) => Flag(cell, "solution");

    public static bool IsLocked(JsonNode? cell) =>
        Metadata(cell) is not null && !IsSolution(cell) && (IsGrade(cell) || Flag(cell, "locked"));

    /// <summary>Cells nbgrader tracks by id: their source or points are checked and restored when grading.</summary>
    public static bool IsTracked(JsonNode? cell) => IsGrade(cell) || IsSolution(cell) || IsLocked(cell);

    public static string? GradeId(JsonNode? cell) =>
        Metadata(cell)?["grade_id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The points as a number, whether the JSON was parsed or built in code (where 2 is an int, not a double).</summary>
    public static double Points(JsonNode? cell) =>
        Metadata(cell)?["points"] is JsonValue points && points.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && double.TryParse(points.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value : 0;

    public static string CellType(JsonNode? cell) => cell?["cell_type"]?.GetValue<string>() ?? "";

    public static string Source(JsonNode? cell) => NotebookJson.Text(cell?["source"]);

    private static bool Flag(JsonNode? cell, string name) =>
        Metadata(cell)?[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
