using System.Text.Json.Nodes;
using NotebookDL.Kernel.Polyglot;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Tests.Polyglot;

public class DibConversionTests
{
    [Fact]
    public void Convert_Dib_WritesIpynbForThisKernelBesideIt()
    {
        var dib = PolyglotNotebooks.Copy("mixed.dib");

        var written = DibConversion.Convert(dib, null, overwrite: false);

        Assert.Equal(Path.ChangeExtension(dib, ".ipynb"), written);
        var notebook = JsonNode.Parse(File.ReadAllText(written))!;
        Assert.Equal("notebookdl-csharp", (string?)notebook["metadata"]!["kernelspec"]!["name"]);
        Assert.Equal("fsharp", (string?)notebook["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["items"]![1]!["name"]);
        var sources = notebook["cells"]!.AsArray().Select(c => NotebookJson.Text(c!["source"])).ToList();
        Assert.Equal(["var answer = 42;", "#!fsharp\nlet answer = 42\nprintfn \"%d\" answer", "answer"], sources);
    }

    [Fact]
    public void Convert_MarkdownCell_StaysMarkdown()
    {
        var written = DibConversion.Convert(PolyglotNotebooks.Copy("xor.dib"), null, overwrite: false);

        var cells = JsonNode.Parse(File.ReadAllText(written))!["cells"]!.AsArray();
        Assert.Equal(["markdown", "code", "code"], cells.Select(c => (string?)c!["cell_type"]));
    }

    [Fact]
    public void Convert_ExistingIpynb_IsKeptUnlessForced()
    {
        var dib = PolyglotNotebooks.Copy("mixed.dib");
        var existing = Path.ChangeExtension(dib, ".ipynb");
        File.WriteAllText(existing, "my work");

        var error = Assert.Throws<IOException>(() => DibConversion.Convert(dib, null, overwrite: false));

        Assert.Contains("already exists; pass --force", error.Message);
        Assert.Equal("my work", File.ReadAllText(existing));
        DibConversion.Convert(dib, null, overwrite: true);
        Assert.StartsWith("{", File.ReadAllText(existing));
    }

    [Fact]
    public void Convert_NotADib_SaysWhatItReads()
    {
        var path = PolyglotNotebooks.Copy("polyglot.ipynb");

        var error = Assert.Throws<IOException>(() => DibConversion.Convert(path, null, overwrite: false));

        Assert.Contains("is not a .dib file", error.Message);
    }
}
