using System.Text.Json.Nodes;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Chapters.Tests;

/// <summary>
/// The committed chapters keep the textbook's conventions: the C# kernel, nbformat 4.5, a parameters cell with
/// its CI sizes, the outputs of a full run (every code cell executed in order, no errors, no failed check),
/// and an entry in chapters/README.md.
/// </summary>
public class ChapterFormatTests
{
    private static JsonObject Load(string chapter) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ChapterFiles.ChaptersFolder, chapter)))!.AsObject();

    [Theory]
    [MemberData(nameof(ChapterFiles.All), MemberType = typeof(ChapterFiles))]
    public void Notebook_Metadata_IsNbformat45WithTheNotebookDLKernel(string chapter)
    {
        var notebook = Load(chapter);
        Assert.Equal(4, notebook["nbformat"]!.GetValue<int>());
        Assert.Equal(5, notebook["nbformat_minor"]!.GetValue<int>());
        Assert.Equal("notebookdl-csharp", notebook["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("C#", notebook["metadata"]!["language_info"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(ChapterFiles.All), MemberType = typeof(ChapterFiles))]
    public void Notebook_CiParameters_AreDeclaredInTheParametersCell(string chapter)
    {
        var notebook = Load(chapter);
        var cells = NotebookJson.Cells(notebook).ToList();
        var parameterCells = cells.Where(c => NotebookJson.Tags(c).Contains(ParameterInjector.ParametersTag)).ToList();
        if (notebook["metadata"]?["notebookdl"]?["ci_parameters"] is not JsonObject ci)
        {
            Assert.Empty(parameterCells);
            return;
        }
        var declared = ParameterInjector.DeclaredTypes(NotebookJson.Text(Assert.Single(parameterCells)["source"]));
        Assert.All(ci, p => Assert.True(declared.ContainsKey(p.Key), $"{chapter}: CI parameter '{p.Key}' is not declared in the parameters cell"));
    }

    [Theory]
    [MemberData(nameof(ChapterFiles.All), MemberType = typeof(ChapterFiles))]
    public void Notebook_CommittedOutputs_AreAFullCleanRun(string chapter)
    {
        var cells = NotebookJson.Cells(Load(chapter)).Where(NotebookJson.IsCode).ToList();
        Assert.DoesNotContain(cells, c => NotebookJson.Tags(c).Contains(ParameterInjector.InjectedTag));
        var count = 0;
        foreach (var cell in cells.Where(c => !string.IsNullOrWhiteSpace(NotebookJson.Text(c["source"]))))
        {
            count++;
            Assert.True(cell["execution_count"]?.GetValue<int>() == count,
                $"{chapter}: code cell {count} was not executed in order (execution_count {cell["execution_count"]}); run `notebookdl run --inplace`");
            foreach (var output in cell["outputs"]!.AsArray())
            {
                Assert.NotEqual("error", output!["output_type"]!.GetValue<string>());
                var text = NotebookJson.Text(output["data"]?["text/plain"] ?? output["text"]);
                Assert.False(text.Contains('✗'), $"{chapter}: a failed check is committed: {text}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ChapterFiles.All), MemberType = typeof(ChapterFiles))]
    public void Readme_TableOfContents_ListsTheChapter(string chapter)
    {
        var readme = File.ReadAllText(Path.Combine(ChapterFiles.ChaptersFolder, "README.md"));
        Assert.Contains($"({chapter})", readme);
    }
}
