using System.CommandLine;
using System.Globalization;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Cli;

/// <summary>`notebookdl run`: executes notebooks headlessly, in-process; exits non-zero naming the failing cell.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var notebooks = new Argument<FileInfo[]>("notebooks") { Description = "The .ipynb files to run.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write executed notebooks here (default: NAME.nbconvert.ipynb next to each input)." };
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "name=value, injected after the cell tagged 'parameters' (papermill's convention). Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var timeout = CellTimeoutOption.Create("Interrupt a cell after this many seconds.");
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Keep running after a failing cell and exit 0 (like nbconvert)." };
        var ci = new Option<bool>("--ci") { Description = "Use the notebook's quick-check sizes (metadata.notebookdl.ci_parameters); --param values win." };
        var inPlace = new Option<bool>("--inplace") { Description = "Write the executed notebook over its input (atomically)." };
        var engine = EngineOption.Create();
        var command = new Command("run", "Execute notebooks without Jupyter and write them with their outputs.")
        {
            notebooks, output, parameters, timeout, allowErrors, ci, inPlace, engine,
        };
        command.SetAction(async (parse, _) =>
        {
            IReadOnlyList<(string, string)> injected;
            try
            {
                injected = ParameterInjector.Parse(parse.GetValue(parameters) ?? []);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"notebookdl run: {ex.Message}");
                return 2;
            }
            var (limit, error) = CellTimeoutOption.Read(parse, timeout, "run");
            error ??= EngineOption.Apply(parse, engine);
            if (parse.GetValue(inPlace) && parse.GetValue(output) is not null)
                error = "notebookdl run: --inplace writes each notebook over its input, so it cannot go with --out; give one of them";
            if (error is not null)
            {
                Console.Error.WriteLine(error);
                return 2;
            }
            var options = new RunOptions(parse.GetValue(output)?.FullName, injected, limit, parse.GetValue(allowErrors), Console.Out,
                parse.GetValue(ci), parse.GetValue(inPlace), parse.GetValue(engine));
            return await RunAllAsync(parse.GetRequiredValue(notebooks), options).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAllAsync(FileInfo[] notebooks, RunOptions options)
    {
        // Cells write to the console (Console.Out and Console.Error go to the running cell); keep the real streams for
        // progress and for the reasons a notebook failed.
        var progress = TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true });
        var errors = TextWriter.Synchronized(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true });
        options = options with { Progress = progress };
        if (notebooks.FirstOrDefault(n => !n.Exists) is { } missing)
        {
            errors.WriteLine(Directory.Exists(missing.FullName)
                ? $"notebookdl run: {missing.FullName} is a folder; give the notebooks in it (for example {Path.Combine(missing.FullName, "*.ipynb")})"
                : $"notebookdl run: {missing.FullName} does not exist");
            return 2;
        }
        int failures = 0;
        foreach (var notebook in notebooks)
        {
            if (await RunOneAsync(notebook, options, progress).ConfigureAwait(false) is not { } reason) continue;
            failures++;
            errors.WriteLine($"notebookdl run: FAILED {notebook.FullName}: {reason}");
        }
        if (notebooks.Length > 1) progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{notebooks.Length - failures} of {notebooks.Length} notebooks ran cleanly"));
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Runs one notebook; null when it ran cleanly, else why not (never an exception: the next notebook still runs).</summary>
    private static async Task<string?> RunOneAsync(FileInfo notebook, RunOptions options, TextWriter progress)
    {
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var report = await NotebookRunner.RunAsync(notebook.FullName, options).ConfigureAwait(false);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {report.OutputPath} ({watch.Elapsed.TotalSeconds:0.0} s)"));
            return report.Succeeded ? null : $"{report.FailedCell}: {report.Error?.EName}: {report.Error?.EValue}";
        }
        catch (Exception ex) when (CommandErrors.IsUserError(ex))
        {
            return ex.Message;
        }
        catch (Exception ex)
        {
            // Anything else is a runner bug; still say which notebook and why instead of dying with a stack trace.
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
