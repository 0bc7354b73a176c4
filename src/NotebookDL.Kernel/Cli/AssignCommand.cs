using System.CommandLine;
using System.Globalization;
using NotebookDL.Kernel.Grading;

namespace NotebookDL.Kernel.Cli;

/// <summary>`notebookdl assign SOURCE.ipynb --out DIR`: the student version of an nbgrader-format assignment.</summary>
public static class AssignCommand
{
    public static Command Create()
    {
        var source = new Argument<FileInfo>("source") { Description = "The instructor's notebook (nbgrader cell metadata, solution and hidden-test regions)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Write the student version here, under the same file name.", Required = true };
        var command = new Command("assign", "Write the student version of an assignment: solutions stubbed, hidden tests removed, outputs cleared, checksums recorded.")
        {
            source, output,
        };
        command.SetAction(async (parse, _) =>
        {
            var file = parse.GetRequiredValue(source);
            if (!file.Exists) return Fail($"{file.FullName} does not exist");
            try
            {
                var summary = await Assigner.ReleaseAsync(file.FullName, parse.GetRequiredValue(output).FullName).ConfigureAwait(false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {summary.OutputPath}: {summary.AnswerCells} answer cells, {summary.GradeCells} graded cells, {summary.Points:0.##} points"));
                return 0;
            }
            catch (Exception ex) when (CommandErrors.IsUserError(ex))
            {
                return Fail(ex.Message);
            }
        });
        return command;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"notebookdl assign: {message}");
        return 2;
    }
}
