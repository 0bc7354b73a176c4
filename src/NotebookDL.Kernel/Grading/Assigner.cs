using NotebookDL.Kernel.Runner;
using Json = NotebookDL.Kernel.Protocol.Json;

namespace NotebookDL.Kernel.Grading;

/// <summary>What `notebookdl assign` wrote: where, and how many answers and points the student version asks for.</summary>
public sealed record AssignmentSummary(string OutputPath, int AnswerCells, int GradeCells, double Points);

/// <summary>`notebookdl assign`: writes the student version of an instructor's notebook, never over the source.</summary>
public static class Assigner
{
    public static async Task<AssignmentSummary> ReleaseAsync(string sourcePath, string outputDirectory)
    {
        var source = await NotebookUpgrade.LoadAsync(sourcePath).ConfigureAwait(false);
        var release = AssignmentRelease.FromSource(source, sourcePath);
        var outputPath = Path.Combine(Path.GetFullPath(outputDirectory), Path.GetFileName(sourcePath));
        RefuseToOverwrite(outputPath, sourcePath, "--out");
        NotebookRunner.EnsureWritable(Path.GetDirectoryName(outputPath)!);
        AtomicFile.WriteAllText(outputPath, release.Student.ToJsonString(Json.Indented) + "\n");
        var cells = Runner.NotebookJson.Cells(release.Student).ToList();
        return new AssignmentSummary(outputPath, cells.Count(NbgraderCell.IsSolution), cells.Count(NbgraderCell.IsGrade),
            cells.Where(NbgraderCell.IsGrade).Sum(NbgraderCell.Points));
    }

    /// <summary>An instructor's source or a student's submission is never written over.</summary>
    public static void RefuseToOverwrite(string outputPath, string inputPath, string option)
    {
        if (string.Equals(Path.GetFullPath(outputPath), Path.GetFullPath(inputPath), StringComparison.Ordinal))
            throw new IOException($"{outputPath} would overwrite the input {inputPath}; choose another {option} folder");
    }
}
