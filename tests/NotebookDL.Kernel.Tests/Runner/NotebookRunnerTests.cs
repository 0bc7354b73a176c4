using System.Text.Json.Nodes;
using NotebookDL.Kernel.Runner;
using NotebookDL.Kernel.Tests.Execution;

namespace NotebookDL.Kernel.Tests.Runner;

[Collection("cells")]
public class NotebookRunnerTests
{
    private static string WriteNotebook(params string[] sources)
    {
        var directory = Path.Combine(Path.GetTempPath(), "notebookdl-runner-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray([.. sources.Select(s => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["source"] = s, ["outputs"] = new JsonArray(), ["execution_count"] = null,
            })]),
            ["metadata"] = new JsonObject(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 2,
        };
        var path = Path.Combine(directory, "test.ipynb");
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    private static JsonArray Cells(RunReport report) => JsonNode.Parse(File.ReadAllText(report.OutputPath))!["cells"]!.AsArray();

    [Fact]
    public async Task Writes_nbformat_4_5_with_outputs_and_execution_counts()
    {
        var path = WriteNotebook("Console.Write(\"a\"); Console.WriteLine(\"b\");", "", "var h = display(1);\nh.Update(2);\n40 + 2");

        var report = await NotebookRunner.RunAsync(path, new RunOptions());

        Assert.True(report.Succeeded);
        Assert.EndsWith("test.nbconvert.ipynb", report.OutputPath);
        var notebook = JsonNode.Parse(File.ReadAllText(report.OutputPath))!;
        Assert.Equal(5, notebook["nbformat_minor"]!.GetValue<int>());
        var cells = notebook["cells"]!.AsArray();
        Assert.All(cells, c => Assert.False(string.IsNullOrEmpty(c!["id"]?.GetValue<string>())));
        Assert.Equal("""[{"output_type":"stream","name":"stdout","text":["ab\n"]}]""", cells[0]!["outputs"]!.ToJsonString().Replace("\\r", ""));
        Assert.Null(cells[1]!["execution_count"]);
        var outputs = cells[2]!["outputs"]!.AsArray();
        Assert.Equal(2, cells[2]!["execution_count"]!.GetValue<int>());
        Assert.Equal("2", NotebookJson.Text(outputs[0]!["data"]!["text/plain"]));
        Assert.Equal("execute_result", outputs[1]!["output_type"]!.GetValue<string>());
        Assert.Equal("42", NotebookJson.Text(outputs[1]!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task A_failing_cell_stops_the_run_and_is_named()
    {
        var path = WriteNotebook("var x = 1;", "throw new InvalidOperationException(\"bad data\");", "Console.WriteLine(\"never\");");

        var report = await NotebookRunner.RunAsync(path, new RunOptions(OutputDirectory: Path.Combine(Path.GetDirectoryName(path)!, "out")));

        Assert.False(report.Succeeded);
        Assert.StartsWith("cell 2 (In[2]", report.FailedCell);
        Assert.Equal("InvalidOperationException", report.Error?.EName);
        var cells = Cells(report);
        Assert.Equal("error", cells[1]!["outputs"]![0]!["output_type"]!.GetValue<string>());
        Assert.Empty(cells[2]!["outputs"]!.AsArray());
    }

    [Fact]
    public async Task Timeout_interrupts_a_cell()
    {
        var path = WriteNotebook("while (true) { }");

        var report = await NotebookRunner.RunAsync(path, new RunOptions(CellTimeout: TimeSpan.FromMilliseconds(300)));

        Assert.Equal("CellTimeoutError", report.Error?.EName);
    }

    [Fact]
    public async Task Clear_output_wait_clears_when_the_next_output_arrives()
    {
        var path = WriteNotebook("for (int i = 0; i < 3; i++) { clear_output(wait: true); Console.WriteLine(i); }");

        var report = await NotebookRunner.RunAsync(path, new RunOptions());

        var outputs = Cells(report)[0]!["outputs"]!.AsArray();
        Assert.Equal("2\n", NotebookJson.Text(Assert.Single(outputs)!["text"]).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task RunAsync_OutputOverTheInput_IsRefusedAndTheInputKept()
    {
        var path = WriteNotebook("Console.WriteLine(1);");
        var before = File.ReadAllText(path);

        var error = await Assert.ThrowsAsync<IOException>(() => NotebookRunner.RunAsync(path, new RunOptions(OutputDirectory: Path.GetDirectoryName(path))));

        Assert.Contains("--inplace", error.Message);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public async Task RunAsync_OutIsALinkToTheInputsFolder_IsRefused()
    {
        var path = WriteNotebook("Console.WriteLine(1);");
        var link = Path.Combine(Path.GetDirectoryName(path)!, "same");
        Directory.CreateSymbolicLink(link, Path.GetDirectoryName(path)!);

        var error = await Assert.ThrowsAsync<IOException>(() => NotebookRunner.RunAsync(path, new RunOptions(OutputDirectory: link)));

        Assert.Contains("would overwrite its input", error.Message);
    }

    /// <summary>The output folder breaks during the run (here a cell puts a folder where the notebook goes): the outputs survive in a rescue copy.</summary>
    [Fact]
    public async Task RunAsync_WriteFailsAfterTheCellsRan_SavesARescueCopyAndSaysWhere()
    {
        var path = WriteNotebook("System.IO.Directory.CreateDirectory(\"out/test.ipynb/x\"); Console.WriteLine(\"computed\");");
        var output = Path.Combine(Path.GetDirectoryName(path)!, "out");

        var error = await Assert.ThrowsAsync<IOException>(() => NotebookRunner.RunAsync(path, new RunOptions(OutputDirectory: output)));

        Assert.Contains($"cannot write the executed notebook to {Path.Combine(output, "test.ipynb")}", error.Message);
        var rescue = error.Message[(error.Message.IndexOf("saved to ", StringComparison.Ordinal) + 9)..^" instead".Length];
        try
        {
            var cells = JsonNode.Parse(File.ReadAllText(rescue))!["cells"]!.AsArray();
            Assert.Equal("computed\n", NotebookJson.Text(cells[0]!["outputs"]![0]!["text"]).ReplaceLineEndings("\n"));
            Assert.Empty(Directory.GetFiles(output));
        }
        finally
        {
            File.Delete(rescue);
        }
    }

    [Fact]
    public async Task RunAsync_InPlace_WritesTheOutputsIntoTheInputAndLeavesNoTemporaryFile()
    {
        var path = WriteNotebook("Console.WriteLine(41 + 1);");

        var report = await NotebookRunner.RunAsync(path, new RunOptions(InPlace: true));

        Assert.Equal(Path.GetFullPath(path), report.OutputPath);
        Assert.Equal("42\n", NotebookJson.Text(Cells(report)[0]!["outputs"]![0]!["text"]).ReplaceLineEndings("\n"));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task RunAsync_UseCiParameters_InjectsTheMetadataSizes()
    {
        var path = WriteNotebook("int epochs = 1000;", "Console.WriteLine(epochs);");
        var notebook = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        notebook["cells"]![0]!["metadata"] = new JsonObject { ["tags"] = new JsonArray("parameters") };
        notebook["metadata"] = new JsonObject { ["notebookdl"] = new JsonObject { ["ci_parameters"] = new JsonObject { ["epochs"] = "3" } } };
        File.WriteAllText(path, notebook.ToJsonString());

        var report = await NotebookRunner.RunAsync(path, new RunOptions(OutputDirectory: Path.Combine(Path.GetDirectoryName(path)!, "out"), UseCiParameters: true));

        Assert.True(report.Succeeded, report.Error?.EValue);
        Assert.Equal("3\n", NotebookJson.Text(Cells(report)[2]!["outputs"]![0]!["text"]).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task RunAsync_Nbformat3_IsUpgradedAndItsCellsRun()
    {
        var directory = Path.GetDirectoryName(WriteNotebook())!;
        var path = Path.Combine(directory, "old.ipynb");
        File.WriteAllText(path, """
            {"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": [
              {"cell_type": "heading", "level": 2, "metadata": {}, "source": "Old"},
              {"cell_type": "code", "input": "Console.WriteLine(6 * 7);", "language": "csharp", "metadata": {}, "outputs": [], "prompt_number": 3}
            ]}]}
            """);

        var report = await NotebookRunner.RunAsync(path, new RunOptions(OutputDirectory: Path.Combine(directory, "out")));

        Assert.True(report.Succeeded, report.Error?.EValue);
        Assert.Equal(1, report.CellsRun);
        var cells = Cells(report);
        Assert.Equal("## Old", NotebookJson.Text(cells[0]!["source"]));
        Assert.Equal("42\n", NotebookJson.Text(cells[1]!["outputs"]![0]!["text"]).ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "metadata": {}, "source": 42, "outputs": []}]}""", "cell 1's source")]
    [InlineData("""{"nbformat": 2, "metadata": {}}""", "nbformat 2 is not supported")]
    [InlineData("""{"nbformat": 4, "metadata": {}}""", "no \"cells\" list")]
    public async Task RunAsync_MalformedNotebook_IsRefusedWithTheReason(string json, string reason)
    {
        var directory = Path.GetDirectoryName(WriteNotebook())!;
        var path = Path.Combine(directory, "bad.ipynb");
        File.WriteAllText(path, json);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => NotebookRunner.RunAsync(path, new RunOptions(OutputDirectory: Path.Combine(directory, "out"))));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task RunAsync_UnwritableOut_FailsBeforeRunningAnything()
    {
        var path = WriteNotebook("System.IO.File.WriteAllText(\"ran.txt\", \"\");");
        var blocker = Path.Combine(Path.GetDirectoryName(path)!, "a-file");
        File.WriteAllText(blocker, "");

        var error = await Assert.ThrowsAsync<IOException>(() => NotebookRunner.RunAsync(path, new RunOptions(OutputDirectory: Path.Combine(blocker, "out"))));

        Assert.Contains("cannot write the executed notebook", error.Message);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "ran.txt")));
    }

    [Fact]
    public async Task RunAsync_EveryKindOfError_HasEnameEvalueAndTracebackList()
    {
        var path = WriteNotebook("int x = \"text\";", "throw new InvalidOperationException(\"bad\");", "#!nosuchmagic", "while (true) { }",
            "static int Down(int n) => Down(n + 1) + 1;\nDown(0)");

        var report = await NotebookRunner.RunAsync(path, new RunOptions(CellTimeout: TimeSpan.FromSeconds(5), AllowErrors: true));

        var errors = Cells(report).Select(c => c!["outputs"]!.AsArray().Single(o => o!["output_type"]!.GetValue<string>() == "error")!).ToList();
        Assert.Equal(["CompilationError", "InvalidOperationException", "UnknownMagic", "CellTimeoutError", "InsufficientExecutionStackException"],
            errors.Select(e => e["ename"]!.GetValue<string>()));
        Assert.All(errors, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e["evalue"]!.GetValue<string>()));
            Assert.NotEmpty(e["traceback"]!.AsArray().Select(line => line!.GetValue<string>()));
        });
        Assert.DoesNotContain(Cells(report).SelectMany(c => c!["outputs"]!.AsArray()), o => o!["name"]?.GetValue<string>() == "stderr");
    }
}
