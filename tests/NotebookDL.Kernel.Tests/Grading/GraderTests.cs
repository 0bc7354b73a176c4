using System.Text.Json.Nodes;
using NotebookDL.Kernel.Grading;
using NotebookDL.Kernel.Runner;
using static NotebookDL.Kernel.Tests.Grading.GradingNotebooks;

namespace NotebookDL.Kernel.Tests.Grading;

/// <summary>End to end: each grade runs the submission in a child kernel process, as `notebookdl grade` does.</summary>
[Collection("grading")]
public class GraderTests
{
    private static async Task<GradeReport> GradeAsync(JsonObject submission, JsonObject? source = null, double timeoutSeconds = 60)
    {
        var sourcePath = Write(source ?? AddAssignment(), "source.ipynb");
        var submissionPath = Path.Combine(Path.GetDirectoryName(sourcePath)!, "submission.ipynb");
        File.WriteAllText(submissionPath, submission.ToJsonString());
        return await Grader.GradeAsync(new GradeOptions(submissionPath, sourcePath, null, TimeSpan.FromSeconds(timeoutSeconds)));
    }

    private static JsonObject StudentAnswering(string answer)
    {
        var student = (JsonObject)AssignmentRelease.FromSource(AddAssignment(), "a.ipynb").Student.DeepClone();
        NotebookJson.Cells(student).Single(c => NbgraderCell.GradeId(c) == "add")["source"] = answer;
        return student;
    }

    private static Dictionary<string, double?> Points(GradeReport report) => report.Exercises.ToDictionary(e => e.GradeId, e => e.Points);

    [Fact]
    public async Task GradeAsync_SourceNotebook_FullAutogradedPoints()
    {
        var report = await GradeAsync(AddAssignment());
        Assert.Equal(new Dictionary<string, double?> { ["test_add"] = 2, ["test_twice"] = 1, ["why"] = null }, Points(report));
        Assert.True(report.NeedsManualGrading);
    }

    [Fact]
    public async Task GradeAsync_StudentVersion_ZeroWithReasons()
    {
        var report = await GradeAsync(AssignmentRelease.FromSource(AddAssignment(), "a.ipynb").Student);
        Assert.Equal(0, report.Total);
        Assert.Equal(4, report.MaxTotal);
        Assert.Equal("failed: NotImplementedException: The method or operation is not implemented.", report.Exercises[0].Status);
        Assert.Equal("no answer (the cell is as it was released)", report.Exercises[2].Status);
        Assert.Empty(report.Notes);
    }

    [Fact]
    public async Task GradeAsync_AnswerFailingOnlyHiddenTest_PartialScore()
    {
        var report = await GradeAsync(StudentAnswering("static int Add(int a, int b) => a < 0 ? 5 : a + b;"));
        Assert.Equal(new Dictionary<string, double?> { ["test_add"] = 0, ["test_twice"] = 1, ["why"] = 0 }, Points(report));
        Assert.Equal("failed: Exception: Add(-1, 1) should be 0", report.Exercises[0].Status);
    }

    [Fact]
    public async Task GradeAsync_HangingCell_TimedOutScoredZeroAndGradingContinues()
    {
        var report = await GradeAsync(StudentAnswering("static int Add(int a, int b) { while (a == 2) { } return a + b; }"), timeoutSeconds: 2);
        Assert.Equal(new Dictionary<string, double?> { ["test_add"] = 2, ["test_twice"] = 0, ["why"] = 0 }, Points(report));
        Assert.StartsWith("failed: CellTimeoutError: ", report.Exercises[1].Status);
    }

    [Fact]
    public async Task GradeAsync_EnvironmentExit_CostsOnlyThatExercise()
    {
        var report = await GradeAsync(StudentAnswering("static int Add(int a, int b) { if (a == 2) Environment.Exit(3); return a + b; }"));
        Assert.Equal(new Dictionary<string, double?> { ["test_add"] = 2, ["test_twice"] = 0, ["why"] = 0 }, Points(report));
        Assert.Equal("failed: DeadKernelError: the kernel process exited (code 3) while running this cell", report.Exercises[1].Status);
        Assert.Contains(report.Notes, n => n.Contains("restarted the kernel without it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GradeAsync_RunawayRecursion_CostsOnlyThatExercise()
    {
        var report = await GradeAsync(StudentAnswering("static int Add(int a, int b) => a == 2 ? Add(a, b) + 1 : a + b;"));
        Assert.Equal(new Dictionary<string, double?> { ["test_add"] = 2, ["test_twice"] = 0, ["why"] = 0 }, Points(report));
        Assert.StartsWith("failed: InsufficientExecutionStackException: ", report.Exercises[1].Status);
    }

    [Fact]
    public async Task GradeAsync_CrashingThread_ReportedOnStderrAndOnlyThatExerciseLost()
    {
        var report = await GradeAsync(StudentAnswering(
            "static int Add(int a, int b)\n{\n    if (a == 2) { var t = new System.Threading.Thread(() => throw new InvalidOperationException(\"boom\")); t.Start(); t.Join(); }\n    return a + b;\n}"));
        Assert.Equal(new Dictionary<string, double?> { ["test_add"] = 2, ["test_twice"] = 0, ["why"] = 0 }, Points(report));
        Assert.StartsWith("failed: wrote to stderr: Background work started by a cell failed during this cell: InvalidOperationException: boom", report.Exercises[1].Status);
    }

    [Fact]
    public async Task GradeAsync_EndlessOutput_TruncatedAndTimedOut()
    {
        var report = await GradeAsync(StudentAnswering("static int Add(int a, int b) { while (a == 2) Console.WriteLine(\"again\"); return a + b; }"), timeoutSeconds: 2);
        Assert.Equal(0, Points(report)["test_twice"]);
        var feedback = Read(report.FeedbackPath);
        var text = NotebookJson.Text(NotebookJson.Cells(feedback).Single(c => NbgraderCell.GradeId(c) == "test_twice")["outputs"]![0]!["text"]);
        Assert.InRange(text.Length, LimitedOutput.DefaultMaxCharacters, LimitedOutput.DefaultMaxCharacters + 200);
        Assert.EndsWith("... output truncated: the cell printed more than 100,000 characters ...\n", text);
    }

    [Fact]
    public async Task GradeAsync_ChangedLockedCell_ReportedRestoredAndGraded()
    {
        var student = StudentAnswering("static int Add(int a, int b) => a + b;");
        NotebookJson.Cells(student).Single(c => NbgraderCell.GradeId(c) == "test_twice")["source"] = "// trust me";
        var report = await GradeAsync(student);
        Assert.Equal(new Dictionary<string, double?> { ["test_add"] = 2, ["test_twice"] = 1, ["why"] = 0 }, Points(report));
        Assert.Contains(report.Notes, n => n.StartsWith("locked cell 'test_twice' was changed (checksum ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GradeAsync_Always_WritesFeedbackWithOutputsAndJsonBesideInputs()
    {
        var report = await GradeAsync(StudentAnswering("static int Add(int a, int b) => a + b;"));
        Assert.EndsWith("submission.feedback.ipynb", report.FeedbackPath);
        var json = Read(Path.ChangeExtension(report.FeedbackPath, null).Replace(".feedback", "") + ".grade.json");
        Assert.Equal(3, json["total"]!.GetValue<double>());
        Assert.Equal(4, json["max_total"]!.GetValue<double>());
        var feedback = NotebookJson.Cells(Read(report.FeedbackPath)).ToList();
        Assert.Contains("Add(-1, 1)", NbgraderCell.Source(feedback.Single(c => NbgraderCell.GradeId(c) == "test_add")));
        Assert.All(feedback.Where(NotebookJson.IsCode), c => Assert.NotNull(c["execution_count"]));
    }

    [Fact]
    public async Task GradeAsync_SubmissionNotANotebook_ClearError()
    {
        var sourcePath = Write(AddAssignment(), "source.ipynb");
        var submissionPath = Path.Combine(Path.GetDirectoryName(sourcePath)!, "submission.ipynb");
        File.WriteAllText(submissionPath, "{ not json");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            Grader.GradeAsync(new GradeOptions(submissionPath, sourcePath, null, TimeSpan.FromSeconds(5))));
        Assert.StartsWith($"{submissionPath} is not a notebook: its JSON is invalid", error.Message);
    }

    [Fact]
    public async Task ReleaseAsync_OutputFolderIsTheSourceFolder_RefusesToOverwrite()
    {
        var sourcePath = Write(AddAssignment(), "source.ipynb");
        var error = await Assert.ThrowsAsync<IOException>(() => Assigner.ReleaseAsync(sourcePath, Path.GetDirectoryName(sourcePath)!));
        Assert.Contains("would overwrite the input", error.Message);
        Assert.Equal(AddAssignment().ToJsonString(), File.ReadAllText(sourcePath));
    }
}
