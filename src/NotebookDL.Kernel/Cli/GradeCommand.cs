using System.CommandLine;
using NotebookDL.Kernel.Grading;

namespace NotebookDL.Kernel.Cli;

/// <summary>
/// `notebookdl grade SUBMISSION.ipynb --source SOURCE.ipynb`: scores a submission as nbgrader autograde would and
/// prints the per-exercise points; exit code 0 when it was graded (whatever the score), 2 for unusable input.
/// </summary>
public static class GradeCommand
{
    /// <summary>Without --timeout a cell may run this long: a hanging answer must not hang the grading of a class.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(120);

    public static Command Create()
    {
        var submission = new Argument<FileInfo>("submission") { Description = "The student's notebook." };
        var source = new Option<FileInfo>("--source") { Description = "The instructor's notebook the assignment was made from.", Required = true };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write NAME.feedback.ipynb and NAME.grade.json here (default: next to the submission)." };
        var timeout = CellTimeoutOption.Create($"Stop a cell after this many seconds and score it 0 (default {DefaultCellTimeout.TotalSeconds:0}).");
        var command = new Command("grade", "Grade a submission against its source: restore locked cells and hidden tests, run it in a fresh kernel, score each exercise.")
        {
            submission, source, output, timeout,
        };
        command.SetAction(async (parse, _) =>
        {
            var (limit, error) = CellTimeoutOption.Read(parse, timeout, "grade");
            if (error is not null) return Fail(error);
            var files = new[] { parse.GetRequiredValue(submission), parse.GetRequiredValue(source) };
            if (files.FirstOrDefault(f => !f.Exists) is { } missing) return Fail($"notebookdl grade: {missing.FullName} does not exist");
            try
            {
                var report = await Grader.GradeAsync(new GradeOptions(files[0].FullName, files[1].FullName, parse.GetValue(output)?.FullName,
                    limit ?? DefaultCellTimeout, Console.Out)).ConfigureAwait(false);
                Console.Write(report.ToText());
                Console.WriteLine($"wrote {report.FeedbackPath} and its .grade.json");
                return 0;
            }
            catch (Exception ex) when (CommandErrors.IsUserError(ex) || ex is InvalidOperationException)
            {
                return Fail($"notebookdl grade: {ex.Message}");
            }
        });
        return command;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
