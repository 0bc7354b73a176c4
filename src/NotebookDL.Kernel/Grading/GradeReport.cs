using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Grading;

/// <summary>The scores of one submission: per grade cell, the total, and what was repaired or went wrong on the way.</summary>
public sealed record GradeReport(string Submission, string Source, IReadOnlyList<ExerciseScore> Exercises, IReadOnlyList<string> Notes,
    string FeedbackPath)
{
    public double Total => Exercises.Sum(e => e.Points ?? 0);

    public double MaxTotal => Exercises.Sum(e => e.MaxPoints);

    public bool NeedsManualGrading => Exercises.Any(e => e.Points is null);

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Path.GetFileName(Submission)} (source {Path.GetFileName(Source)})");
        int width = Exercises.Select(e => e.GradeId.Length).DefaultIfEmpty(8).Max();
        foreach (var exercise in Exercises)
            text.AppendLine($"  {exercise.GradeId.PadRight(width)}  {Number(exercise.Points),5} / {Number(exercise.MaxPoints),-5} {exercise.Status}");
        foreach (var note in Notes) text.AppendLine($"  note: {note}");
        text.AppendLine($"  total: {Number(Total)} / {Number(MaxTotal)}{(NeedsManualGrading ? " (plus the cells that need manual grading)" : "")}");
        return text.ToString();
    }

    public JsonObject ToJson() => new()
    {
        ["submission"] = Submission,
        ["source"] = Source,
        ["feedback"] = FeedbackPath,
        ["total"] = Total,
        ["max_total"] = MaxTotal,
        ["needs_manual_grading"] = NeedsManualGrading,
        ["exercises"] = new JsonArray([.. Exercises.Select(e => (JsonNode)e.ToJson())]),
        ["notes"] = new JsonArray([.. Notes.Select(n => (JsonNode?)JsonValue.Create(n))]),
    };

    private static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "?";
}
