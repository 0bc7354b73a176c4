using System.CommandLine;
using System.Globalization;
using NotebookDL.Kernel.Grading;

namespace NotebookDL.Kernel.Cli;

/// <summary>`notebookdl grade-worker` (hidden): the child process `grade` runs a submission in.</summary>
public static class GradeWorkerCommand
{
    public static Command Create()
    {
        var notebook = new Argument<FileInfo>("notebook");
        var directory = new Option<DirectoryInfo>("--directory") { Required = true };
        var timeout = new Option<double>("--timeout") { Required = true };
        var skip = new Option<string?>("--skip");
        var command = new Command("grade-worker", "Internal: runs cells for `notebookdl grade`.") { notebook, directory, timeout, skip };
        command.Hidden = true;
        command.SetAction(async (parse, _) =>
        {
            var skipped = (parse.GetValue(skip) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(i => int.Parse(i, CultureInfo.InvariantCulture)).ToHashSet();
            return await GradeWorker.RunAsync(parse.GetRequiredValue(notebook).FullName, parse.GetRequiredValue(directory).FullName,
                skipped, TimeSpan.FromSeconds(parse.GetValue(timeout))).ConfigureAwait(false);
        });
        return command;
    }
}
