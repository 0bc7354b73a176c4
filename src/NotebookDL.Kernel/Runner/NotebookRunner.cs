using System.Diagnostics;
using System.Text.Json.Nodes;
using NotebookDL.Kernel.Engines;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Runner;

/// <summary>Options of `notebookdl run`.</summary>
public sealed record RunOptions(
    string? OutputDirectory = null,
    IReadOnlyList<(string Name, string Value)>? Parameters = null,
    TimeSpan? CellTimeout = null,
    bool AllowErrors = false,
    TextWriter? Progress = null,
    bool UseCiParameters = false,
    bool InPlace = false,
    string? Engine = null);

/// <summary>How one notebook run ended; <see cref="FailedCell"/> names the cell that stopped it.</summary>
public sealed record RunReport(string Notebook, string OutputPath, int CellsRun, string? FailedCell, CellError? Error)
{
    public bool Succeeded => FailedCell is null;
}

/// <summary>
/// Executes a notebook in-process, cell by cell in a fresh session, as nbconvert --execute would through a
/// kernel, and writes the executed notebook (nbformat 4.5) with outputs and execution counts.
/// </summary>
public static class NotebookRunner
{
    public static async Task<RunReport> RunAsync(string path, RunOptions options)
    {
        var progress = options.Progress ?? TextWriter.Null;
        var notebook = await NotebookUpgrade.LoadAsync(path).ConfigureAwait(false);
        var parameters = options.UseCiParameters ? ParameterInjector.WithCiParameters(notebook, options.Parameters ?? []) : options.Parameters ?? [];
        ParameterInjector.Inject(notebook, parameters);
        NotebookJson.Normalize(notebook);

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var outputPath = options.InPlace ? Path.GetFullPath(path) : OutputPath(path, options.OutputDirectory);
        if (!options.InPlace && FileIdentity.SameFile(outputPath, path))
            throw new IOException($"{path}: the executed notebook would overwrite its input ({outputPath} is the same file); pass --inplace to do that on purpose, or choose another --out folder");
        EnsureWritable(Path.GetDirectoryName(outputPath)!);
        var previousDirectory = Directory.GetCurrentDirectory();
        // Kernels start in the notebook's folder, so relative paths in cells mean the same here.
        Directory.SetCurrentDirectory(directory);
        try
        {
            var report = await ExecuteAsync(notebook, path, outputPath, directory, options, progress).ConfigureAwait(false);
            Save(notebook, outputPath);
            return report;
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
        }
    }

    private static async Task<RunReport> ExecuteAsync(JsonObject notebook, string path, string outputPath, string directory,
        RunOptions options, TextWriter progress)
    {
        var engine = options.Engine is null ? KernelEngines.Default : KernelEngines.Get(options.Engine);
        var interpreter = new Interpreter(new ScriptSession(directory, engine), Magics.MagicRegistry.CreateDefault());
        var collector = new NotebookOutputs();
        var cells = NotebookJson.Cells(notebook).Where(NotebookJson.IsCode).ToList();
        int count = 0, index = 0;
        string? failedCell = null;
        CellError? firstError = null;
        progress.WriteLine($"{path}: {cells.Count} code cells");
        foreach (var cell in cells)
        {
            index++;
            var outputs = new JsonArray();
            cell["outputs"] = outputs;
            cell["execution_count"] = null;
            var source = NotebookJson.Text(cell["source"]);
            // A cell .NET Interactive saved as another language (only its metadata says so) fails like a "#!fsharp" line:
            // the language magics name the language instead of C# compile errors about F# or PowerShell syntax.
            if (NotebookJson.ForeignLanguage(cell) is { } language) source = $"#!{language}\n{source}";
            if (string.IsNullOrWhiteSpace(source)) continue;

            cell["execution_count"] = ++count;
            collector.StartCell(outputs);
            var watch = Stopwatch.StartNew();
            var result = await RunCellAsync(interpreter, source, $"In[{count}]", collector, options.CellTimeout).ConfigureAwait(false);
            if (result.Value is { } value) collector.AddResult(count, value);
            if (result.Error is { } error)
            {
                collector.AddError(error);
                progress.WriteLine($"  [{index}/{cells.Count}] In[{count}] {error.EName}: {error.EValue} ({watch.Elapsed.TotalSeconds:0.0} s)");
                failedCell ??= $"cell {index} (In[{count}], id {cell["id"]})";
                firstError ??= error;
                if (!options.AllowErrors) break;
            }
            else
            {
                progress.WriteLine($"  [{index}/{cells.Count}] In[{count}] ok ({watch.Elapsed.TotalSeconds:0.0} s)");
            }
        }
        return new RunReport(path, outputPath, count, options.AllowErrors ? null : failedCell, firstError);
    }

    /// <summary>Runs a cell; past the timeout it is interrupted like nbclient's timeout does, and reported as such.</summary>
    internal static async Task<CellResult> RunCellAsync(Interpreter interpreter, string source, string name, ICellOutput output, TimeSpan? timeout)
    {
        var run = interpreter.ExecuteAsync(source, name, output);
        if (timeout is not { } limit || await Task.WhenAny(run, Task.Delay(limit)).ConfigureAwait(false) == run)
            return await run.ConfigureAwait(false);
        CellCancellation.Interrupt();
        await run.ConfigureAwait(false);
        return CellResult.Failed(new CellError("CellTimeoutError", $"{name} did not finish within {limit.TotalSeconds:0.#} s",
            [$"CellTimeoutError: {name} did not finish within {limit.TotalSeconds:0.#} s and was interrupted (--timeout)."]));
    }

    /// <summary>
    /// Writes the executed notebook atomically: a full disk or a crash mid-write leaves the previous file (the input,
    /// with --inplace) as it was. When the write fails anyway (the folder went away, the disk filled up during the
    /// run), the outputs are saved to a rescue copy in the temporary folder, and the error says where.
    /// </summary>
    public static void Save(JsonObject notebook, string outputPath)
    {
        var text = notebook.ToJsonString(Json.Indented) + "\n";
        try
        {
            AtomicFile.WriteAllText(outputPath, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var rescue = Path.Combine(Path.GetTempPath(), "notebookdl-rescue", $"{Path.GetFileNameWithoutExtension(outputPath)}.{DateTime.UtcNow:yyyyMMdd-HHmmss}.ipynb");
            string saved;
            try
            {
                AtomicFile.WriteAllText(rescue, text);
                saved = $"the executed notebook was saved to {rescue} instead";
            }
            catch (Exception rescueError) when (rescueError is IOException or UnauthorizedAccessException)
            {
                saved = $"a rescue copy could not be written either ({rescueError.Message})";
            }
            throw new IOException($"cannot write the executed notebook to {outputPath}: {ex.Message}; {saved}", ex);
        }
    }

    /// <summary>Fails before anything runs when the result could not be written (read-only or missing permissions).</summary>
    public static void EnsureWritable(string directory)
    {
        var probe = Path.Combine(directory, $".notebookdl-write-test-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write the executed notebook to {directory}: {ex.Message}", ex);
        }
    }

    /// <summary>--out DIR keeps the file name; without it the result goes next to the input as NAME.nbconvert.ipynb, like nbconvert.</summary>
    public static string OutputPath(string path, string? outputDirectory)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return outputDirectory is null
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, name + ".nbconvert.ipynb")
            : Path.Combine(Path.GetFullPath(outputDirectory), name + ".ipynb");
    }
}
