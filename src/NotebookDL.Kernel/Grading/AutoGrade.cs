using System.Globalization;
using System.Text.Json.Nodes;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Grading;

/// <summary>One grade cell's result; <see cref="Points"/> is null when a person has to grade it.</summary>
public sealed record ExerciseScore(string GradeId, double? Points, double MaxPoints, string Status)
{
    public JsonObject ToJson() => new()
    {
        ["grade_id"] = GradeId,
        ["points"] = Points,
        ["max_points"] = MaxPoints,
        ["status"] = Status,
    };
}

/// <summary>
/// nbgrader's automatic grade of a cell (utils.determine_grade): a test cell earns its points unless it has an
/// error or stderr output, and an execute_result that is a number between 0 and the points is partial credit;
/// an answer cell whose checksum still matches the released stub earns 0, any other answer needs a person.
/// </summary>
public static class AutoGrade
{
    public static ExerciseScore Score(JsonObject cell)
    {
        var id = NbgraderCell.GradeId(cell) ?? "";
        var max = NbgraderCell.Points(cell);
        if (NbgraderCell.IsSolution(cell))
        {
            var unchanged = NbgraderCell.Metadata(cell)?["checksum"]?.GetValue<string>() == NbgraderChecksum.Compute(cell);
            return unchanged
                ? new ExerciseScore(id, 0, max, "no answer (the cell is as it was released)")
                : new ExerciseScore(id, null, max, "answered; needs manual grading");
        }
        if (!NotebookJson.IsCode(cell)) return new ExerciseScore(id, null, max, "needs manual grading");
        foreach (var output in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
        {
            switch (output["output_type"]?.GetValue<string>())
            {
                case "error":
                    return new ExerciseScore(id, 0, max, $"failed: {output["ename"]}: {FirstLine(output["evalue"]?.ToString())}");
                case "stream" when output["name"]?.GetValue<string>() == "stderr":
                    return new ExerciseScore(id, 0, max, $"failed: wrote to stderr: {FirstLine(NotebookJson.Text(output["text"]))}");
                case "execute_result":
                    return PartialCredit(id, max, output["data"]?["text/plain"]);
            }
        }
        return new ExerciseScore(id, max, max, "passed");
    }

    /// <summary>nbgrader's get_partial_grade: one number in [0, points] is the grade; anything else counts as passed.</summary>
    private static ExerciseScore PartialCredit(string id, double max, JsonNode? text)
    {
        if (text is JsonArray { Count: > 1 }) return new ExerciseScore(id, max, max, "passed");
        var value = NotebookJson.Text(text).Trim();
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var grade) || !(grade >= 0))
            return new ExerciseScore(id, max, max, "passed");
        // nbgrader refuses a grade above the cell's points; here it is that exercise's problem, not the whole run's.
        return grade > max
            ? new ExerciseScore(id, 0, max, $"failed: partial credit {value} is more than the cell's {max} points")
            : new ExerciseScore(id, grade, max, grade == max ? "passed" : $"partial credit {value}");
    }

    private static string FirstLine(string? text)
    {
        var line = (text ?? "").Trim().Split('\n')[0];
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
