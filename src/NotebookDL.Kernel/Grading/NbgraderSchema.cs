using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Grading;

/// <summary>
/// nbgrader's cell metadata schema version 3 (nbgraderformat/v3.json and MetadataValidatorV3): the JSON schema's
/// types and required keys, plus the cross-field rules (grade cells have points, markdown answers are grade and
/// solution cells together, task cells are markdown, grade ids are unique).
/// </summary>
public static partial class NbgraderSchema
{
    public const int SchemaVersion = 3;

    private static readonly HashSet<string> Booleans = ["grade", "locked", "solution", "task"];
    private static readonly HashSet<string> Allowed = ["schema_version", "grade", "locked", "solution", "task", "grade_id", "points", "checksum", "cell_type"];

    /// <summary>Every rule a cell breaks, each naming the cell; empty when the notebook is valid.</summary>
    public static IReadOnlyList<string> Problems(JsonObject notebook)
    {
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var cells = NotebookJson.Cells(notebook).ToList();
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i]["metadata"]?["nbgrader"] is not { } node) continue;
            var name = NbgraderCell.GradeId(cells[i]) is { Length: > 0 } id ? $"cell {i + 1} ('{id}')" : $"cell {i + 1}";
            if (node is not JsonObject metadata)
            {
                problems.Add($"{name}: metadata.nbgrader must be an object");
                continue;
            }
            problems.AddRange(CellProblems(cells[i], metadata).Select(p => $"{name}: {p}"));
            if (NbgraderCell.IsTracked(cells[i]) && NbgraderCell.GradeId(cells[i]) is { Length: > 0 } gradeId && !ids.Add(gradeId))
                problems.Add($"{name}: duplicate grade_id '{gradeId}'");
        }
        return problems;
    }

    /// <summary>Throws with every problem listed, so an instructor fixes them all at once.</summary>
    public static void Check(JsonObject notebook, string path)
    {
        var problems = Problems(notebook);
        if (problems.Count > 0)
            throw new InvalidDataException($"{path}: the nbgrader metadata does not follow schema version {SchemaVersion}:\n  " + string.Join("\n  ", problems));
    }

    private static IEnumerable<string> CellProblems(JsonObject cell, JsonObject metadata)
    {
        var version = metadata["schema_version"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) ? n : (int?)null;
        if (version != SchemaVersion)
        {
            yield return version is null
                ? $"schema_version must be the integer {SchemaVersion}"
                : $"schema_version {version} is {(version < SchemaVersion ? "outdated" : "too new")} (expected {SchemaVersion})";
            yield break;
        }
        foreach (var key in metadata.Select(p => p.Key).Where(k => !Allowed.Contains(k)))
            yield return $"unknown key '{key}' (allowed: {string.Join(", ", Allowed)})";
        foreach (var key in new[] { "grade", "locked", "solution" }.Where(k => !metadata.ContainsKey(k)))
            yield return $"'{key}' is required";
        foreach (var (key, value) in metadata.Where(p => Booleans.Contains(p.Key)))
            if (value?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) yield return $"'{key}' must be true or false";
        if (metadata.ContainsKey("grade_id") && !(metadata["grade_id"] is JsonValue id && id.TryGetValue<string>(out var text) && GradeIdPattern().IsMatch(text)))
            yield return "grade_id must be a string of letters, digits, '_' and '-'";
        if (metadata.ContainsKey("points") && !(metadata["points"]?.GetValueKind() == JsonValueKind.Number && NbgraderCell.Points(cell) >= 0))
            yield return "points must be a number ≥ 0";
        if (metadata.ContainsKey("checksum") && !(metadata["checksum"] is JsonValue sum && sum.TryGetValue<string>(out var hex) && hex.Length == 32))
            yield return "checksum must be a 32-character string";
        if (metadata.ContainsKey("cell_type") && metadata["cell_type"]?.ToString() is not ("raw" or "code" or "markdown"))
            yield return "cell_type must be raw, code or markdown";

        bool grade = NbgraderCell.IsGrade(cell), solution = NbgraderCell.IsSolution(cell);
        bool task = metadata["task"] is JsonValue t && t.TryGetValue<bool>(out var isTask) && isTask;
        // nbgrader only warns about a missing grade_id, then fails on it when it computes checksums.
        if ((grade || solution || NbgraderCell.IsLocked(cell)) && string.IsNullOrEmpty(NbgraderCell.GradeId(cell)))
            yield return "a grade, solution or locked cell needs a non-empty grade_id";
        if (grade && !metadata.ContainsKey("points")) yield return "a grade cell needs points";
        var markdown = NbgraderCell.CellType(cell) == "markdown";
        if (task && !markdown) yield return "task cells must be markdown";
        if (!task && markdown && grade && !solution) yield return "a markdown grade cell must also be a solution cell";
        if (!task && markdown && solution && !grade) yield return "a markdown solution cell must also be a grade cell";
    }

    [GeneratedRegex("^[a-zA-Z0-9_\\-]*$")]
    private static partial Regex GradeIdPattern();
}
