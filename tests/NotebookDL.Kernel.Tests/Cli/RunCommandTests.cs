using System.Diagnostics;
using System.Text.Json.Nodes;
using NotebookDL.Kernel.Grading;

namespace NotebookDL.Kernel.Tests.Cli;

/// <summary>`notebookdl run` as a student runs it: a separate process, judged by its exit code, stderr and files.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("notebookdl-run-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Notebook(string name, params string[] sources)
    {
        var cells = new JsonArray([.. sources.Select((s, i) => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code",
            ["metadata"] = new JsonObject { ["tags"] = i == 0 ? new JsonArray("parameters") : new JsonArray() },
            ["source"] = s, ["outputs"] = new JsonArray(), ["execution_count"] = null,
        })]);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, new JsonObject { ["cells"] = cells, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 }.ToJsonString());
        return path;
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var start = KernelExecutable.StartInfo();
        start.WorkingDirectory = folder;
        start.ArgumentList.Add("run");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("NaN")]
    [InlineData("abc")]
    public async Task Run_TimeoutOutOfRange_IsAUsageErrorBeforeAnythingRuns(string timeout)
    {
        var notebook = Notebook("nb.ipynb", "System.IO.File.WriteAllText(\"ran.txt\", \"\");");

        var (code, _, stderr) = await RunAsync(notebook, "--out", "out", "--timeout", timeout);

        Assert.Equal(2, code);
        Assert.Equal($"notebookdl run: --timeout must be a number of seconds greater than 0 and at most 604800 (a week), got '{timeout}'", stderr.Trim());
        Assert.False(File.Exists(Path.Combine(folder, "ran.txt")));
    }

    [Fact]
    public async Task Run_FolderOrMissingFile_IsAUsageErrorNamingIt()
    {
        var notebook = Notebook("nb.ipynb", "System.IO.File.WriteAllText(\"ran.txt\", \"\");");
        var sub = Directory.CreateDirectory(Path.Combine(folder, "sub")).FullName;

        var (folderCode, _, folderError) = await RunAsync(notebook, "sub", "--out", "out");
        var (missingCode, _, missingError) = await RunAsync(notebook, "nope.ipynb", "--out", "out");

        Assert.Equal((2, 2), (folderCode, missingCode));
        Assert.StartsWith($"notebookdl run: {sub} is a folder; give the notebooks in it", folderError);
        Assert.Equal($"notebookdl run: {Path.Combine(folder, "nope.ipynb")} does not exist", missingError.Trim());
        Assert.False(File.Exists(Path.Combine(folder, "ran.txt")));
    }

    [Theory]
    [InlineData("--engine", "pytorch", "--engine: 'pytorch' is not an engine NotebookDL knows; choose managed or torchsharp.")]
    public async Task Run_UnknownEngine_IsAUsageErrorBeforeAnythingRuns(string option, string value, string message)
    {
        var notebook = Notebook("nb.ipynb", "System.IO.File.WriteAllText(\"ran.txt\", \"1\")");

        var (code, _, stderr) = await RunAsync(notebook, option, value, "--out", "out");

        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(File.Exists(Path.Combine(folder, "ran.txt")));
    }

    [Fact]
    public async Task Run_InplaceWithOut_IsAUsageError()
    {
        var notebook = Notebook("nb.ipynb", "1");
        var before = File.ReadAllText(notebook);

        var (code, _, stderr) = await RunAsync(notebook, "--inplace", "--out", "out");

        Assert.Equal(2, code);
        Assert.Contains("--inplace writes each notebook over its input, so it cannot go with --out", stderr);
        Assert.Equal(before, File.ReadAllText(notebook));
    }

    [Fact]
    public async Task Run_OutIsTheInputsFolder_RefusesAndKeepsTheInput()
    {
        var notebook = Notebook("nb.ipynb", "System.IO.File.WriteAllText(\"ran.txt\", \"\");");
        var before = File.ReadAllText(notebook);

        var (code, _, stderr) = await RunAsync(notebook, "--out", ".");

        Assert.Equal(1, code);
        Assert.Contains($"FAILED {notebook}: ", stderr);
        Assert.Contains("would overwrite its input", stderr);
        Assert.Contains("--inplace", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(before, File.ReadAllText(notebook));
        Assert.False(File.Exists(Path.Combine(folder, "ran.txt")));
    }

    [Fact]
    public async Task Run_OutNotWritable_NamesTheFolderBeforeRunningAnything()
    {
        var notebook = Notebook("nb.ipynb", "System.IO.File.WriteAllText(\"ran.txt\", \"\");");
        File.WriteAllText(Path.Combine(folder, "a-file"), "");

        var (code, _, stderr) = await RunAsync(notebook, "--out", "a-file/out");

        Assert.Equal(1, code);
        Assert.Contains($"FAILED {notebook}: cannot write the executed notebook to {Path.Combine(folder, "a-file", "out")}", stderr);
        Assert.False(File.Exists(Path.Combine(folder, "ran.txt")));
    }

    [Fact]
    public async Task Run_ValueWhoseToStringThrows_IsTheCellsErrorAndTheNotebookIsWritten()
    {
        var notebook = Notebook("nb.ipynb", "class Bad { public override string ToString() => throw new Exception(\"boom\"); }\nnew Bad()");

        var (code, _, stderr) = await RunAsync(notebook, "--out", "out");

        Assert.Equal(1, code);
        Assert.Contains($"FAILED {notebook}: cell 1", stderr);
        Assert.Contains("boom", stderr);
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "nb.ipynb")))!;
        var error = written["cells"]![0]!["outputs"]!.AsArray().Single(o => o!["output_type"]!.GetValue<string>() == "error")!;
        Assert.Contains("boom", error["evalue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_StringParameterWithCode_StaysAString()
    {
        var notebook = Notebook("nb.ipynb", "string? path = null;", "Console.Write(path);");

        var (code, _, stderr) = await RunAsync(notebook, "--out", "out", "-p", "path=x\");System.IO.File.WriteAllText(\"pwn\",\"\");//");

        Assert.True(code == 0, stderr);
        Assert.False(File.Exists(Path.Combine(folder, "pwn")));
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "nb.ipynb")))!;
        Assert.Equal("x\");System.IO.File.WriteAllText(\"pwn\",\"\");//", string.Concat(written["cells"]![2]!["outputs"]![0]!["text"]!.AsArray().Select(l => l!.GetValue<string>())));
    }

    [Fact]
    public async Task Run_UnknownParameter_ListsTheDeclaredOnes()
    {
        var notebook = Notebook("nb.ipynb", "int epochs = 1;\ndouble lr = 0.1;");

        var (code, _, stderr) = await RunAsync(notebook, "--out", "out", "-p", "epoch=3");

        Assert.Equal(1, code);
        Assert.Contains($"FAILED {notebook}: --param epoch: the parameters cell declares no such variable; it declares epochs, lr", stderr);
    }
}
