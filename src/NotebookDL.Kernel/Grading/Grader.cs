using NotebookDL.Kernel.Runner;
using Json = NotebookDL.Kernel.Protocol.Json;

namespace NotebookDL.Kernel.Grading;

/// <summary>Options of `notebookdl grade`.</summary>
public sealed record GradeOptions(string SubmissionPath, string SourcePath, string? OutputDirectory, TimeSpan CellTimeout, TextWriter? Progress = null);

/// <summary>
/// `notebookdl grade`: restores the source's locked cells and hidden tests into a submission, runs it in a fresh
/// kernel process, scores each grade cell as nbgrader would, and writes NAME.feedback.ipynb (with outputs) and
/// NAME.grade.json next to the submission or in the output folder.
/// </summary>
public static class Grader
{
    public static async Task<GradeReport> GradeAsync(GradeOptions options)
    {
        var progress = options.Progress ?? TextWriter.Null;
        var source = await NotebookUpgrade.LoadAsync(options.SourcePath).ConfigureAwait(false);
        var release = AssignmentRelease.FromSource(source, options.SourcePath);
        var submission = await NotebookUpgrade.LoadAsync(options.SubmissionPath).ConfigureAwait(false);

        var submissionDirectory = Path.GetDirectoryName(Path.GetFullPath(options.SubmissionPath))!;
        var directory = options.OutputDirectory is { } chosen ? Path.GetFullPath(chosen) : submissionDirectory;
        var name = Path.GetFileNameWithoutExtension(options.SubmissionPath);
        var feedbackPath = Path.Combine(directory, name + ".feedback.ipynb");
        var jsonPath = Path.Combine(directory, name + ".grade.json");
        foreach (var output in new[] { feedbackPath, jsonPath })
            foreach (var input in new[] { options.SubmissionPath, options.SourcePath })
                Assigner.RefuseToOverwrite(output, input, "--out");
        NotebookRunner.EnsureWritable(directory);

        var (notebook, notes) = SubmissionMerge.Merge(submission, release);
        var restarts = await IsolatedExecution.RunAsync(notebook, submissionDirectory, options.CellTimeout, progress).ConfigureAwait(false);
        var exercises = NotebookJson.Cells(notebook).Where(NbgraderCell.IsGrade).Select(AutoGrade.Score).ToList();
        var report = new GradeReport(Path.GetFullPath(options.SubmissionPath), Path.GetFullPath(options.SourcePath), exercises,
            [.. notes, .. restarts], feedbackPath);
        AtomicFile.WriteAllText(feedbackPath, notebook.ToJsonString(Json.Indented) + "\n");
        AtomicFile.WriteAllText(jsonPath, report.ToJson().ToJsonString(Json.Indented) + "\n");
        return report;
    }
}
