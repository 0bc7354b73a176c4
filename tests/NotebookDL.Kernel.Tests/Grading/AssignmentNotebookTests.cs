using System.Text.Json.Nodes;
using NotebookDL.Kernel.Grading;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Tests.Grading;

/// <summary>Every course assignment: valid nbgrader metadata, full marks for its solutions, none for the blank student version.</summary>
[Collection("grading")]
public class AssignmentNotebookTests
{
    private static Task<GradeReport> GradeAsync(string name, JsonObject submission) =>
        Grader.GradeAsync(new GradeOptions(GradingNotebooks.Write(submission, name), AssignmentFiles.PathOf(name), null, TimeSpan.FromSeconds(60)));

    [Fact]
    public void Assignments_Folder_OnePerChapter()
    {
        var chapters = Directory.GetFiles(Path.Combine(AssignmentFiles.Folder, "..", "..", "chapters"), "*.ipynb").Select(Path.GetFileName);
        Assert.Equal(chapters.Order(StringComparer.Ordinal), AssignmentFiles.All.Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AssignmentFiles.Names), MemberType = typeof(AssignmentFiles))]
    public void Metadata_Assignment_FollowsNbgraderSchemaVersion3(string name)
    {
        var notebook = AssignmentFiles.Load(name);
        Assert.Empty(NbgraderSchema.Problems(notebook));
        Assert.Empty(NbgraderSchema.Problems(AssignmentRelease.FromSource(notebook, name).Student));
        var cells = NotebookJson.Cells(notebook).ToList();
        var tests = cells.Where(c => NbgraderCell.IsGrade(c) && NotebookJson.IsCode(c)).ToList();
        Assert.InRange(tests.Count, 2, 4);
        Assert.All(tests, t => Assert.True(NbgraderCell.Points(t) > 0));
        Assert.Contains(tests, t => NbgraderCell.Source(t).Contains(SolutionRegions.BeginHiddenTests, StringComparison.Ordinal));
        Assert.All(cells.Where(NbgraderCell.IsTracked), c => Assert.False(NbgraderCell.Metadata(c)!["task"]!.GetValue<bool>()));
        Assert.Equal("C#", notebook["metadata"]!["kernelspec"]!["language"]!.GetValue<string>());
        // In C# a line starting with '#' is a preprocessor directive: delimiters in code cells must be comments.
        var delimiters = cells.Where(NotebookJson.IsCode).SelectMany(c => NbgraderCell.Source(c).Split('\n'))
            .Where(l => l.Contains("BEGIN ", StringComparison.Ordinal) || l.Contains("END ", StringComparison.Ordinal)).Where(l => l.Contains("###", StringComparison.Ordinal));
        Assert.All(delimiters, l => Assert.StartsWith("// ###", l.TrimStart(), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AssignmentFiles.Names), MemberType = typeof(AssignmentFiles))]
    public async Task GradeAsync_SourceAndStudentVersion_FullAutogradedPointsAndZero(string name)
    {
        var source = await GradeAsync(name, AssignmentFiles.Load(name));
        Assert.All(source.Exercises.Where(e => e.Points is not null), e => Assert.True(e.Points == e.MaxPoints, $"{e.GradeId}: {e.Status}"));
        Assert.DoesNotContain(source.Notes, n => n.Contains("kernel", StringComparison.Ordinal));

        var student = await GradeAsync(name, AssignmentRelease.FromSource(AssignmentFiles.Load(name), name).Student);
        Assert.Equal(0, student.Total);
        Assert.Empty(student.Notes);
        Assert.False(student.NeedsManualGrading);
        Assert.All(student.Exercises, e => Assert.True(e.Status.StartsWith("failed: NotImplementedException", StringComparison.Ordinal)
            || e.Status.StartsWith("no answer", StringComparison.Ordinal), $"{e.GradeId}: {e.Status}"));
    }

    [Theory]
    // Rounding tenths as doubles creates 4 false AND solutions: the hidden test catches it.
    [InlineData("02-perceptrons-and-logic-gates.ipynb", "count_solutions",
        "int CountSolutions(int[] targets)\n{\n    int count = 0;\n    for (int w1 = -10; w1 <= 10; w1++)\n        for (int w2 = -10; w2 <= 10; w2++)\n            for (int b = -10; b <= 10; b++)\n                if (TruthTable((x1, x2) => Perceptron(x1, x2, w1 / 10.0, w2 / 10.0, b / 10.0)).SequenceEqual(targets)) count++;\n    return count;\n}",
        "test_count_solutions", 7)]
    // A softmax without the max shift passes [1, 2, 3] but gives NaN for [1000, 1001, 1002].
    [InlineData("03-activation-functions.ipynb", "softmax", "Tensor Softmax(Tensor x) => x.exp() / x.exp().sum(-1, keepdim: true);", "test_softmax", 7)]
    // Forgetting the biases: wrong counts, and BuildMlp no longer agrees with them.
    // Backpropagation that forgets σ'(net) of the hidden units: the output weights' gradients stay right, the hidden
    // ones are wrong, so the gradient and update tests fail while the forward pass keeps its points.
    [InlineData("07-backpropagation-by-hand.ipynb", "gradients",
        "double[] Gradients(double[] w)\n{\n    var (h1, h2, o1, o2, _) = Forward(w);\n    var delta1 = (o1 - t1) * o1 * (1 - o1);\n    var delta2 = (o2 - t2) * o2 * (1 - o2);\n    var deltaH1 = delta1 * w[4] + delta2 * w[6];\n    var deltaH2 = delta1 * w[5] + delta2 * w[7];\n    return [deltaH1 * i1, deltaH1 * i2, deltaH2 * i1, deltaH2 * i2, delta1 * h1, delta1 * h2, delta2 * h1, delta2 * h2];\n}",
        "test_gradients", 3)]
    [InlineData("04-forward-propagation.ipynb", "count_parameters",
        "long CountParameters(int[] sizes) => Enumerable.Range(1, sizes.Length - 1).Sum(i => (long)sizes[i - 1] * sizes[i]);", "test_count_parameters", 3)]
    public async Task GradeAsync_WrongAnswer_ExpectedPartialScore(string name, string answerId, string answer, string failingTest, double total)
    {
        var submission = AssignmentFiles.Load(name);
        NotebookJson.Cells(submission).Single(c => NbgraderCell.GradeId(c) == answerId)["source"] = answer;
        var report = await GradeAsync(name, submission);
        Assert.Equal(0, report.Exercises.Single(e => e.GradeId == failingTest).Points);
        Assert.Equal(total, report.Total);
    }
}
