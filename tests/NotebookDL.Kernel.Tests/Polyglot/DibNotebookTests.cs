using NotebookDL.Kernel.Polyglot;

namespace NotebookDL.Kernel.Tests.Polyglot;

public class DibNotebookTests
{
    [Fact]
    public void Parse_SavedDib_SplitsCellsOnKernelLinesOnly()
    {
        var path = PolyglotNotebooks.Copy("xor.dib");

        var dib = DibNotebook.Parse(File.ReadAllText(path), path);

        Assert.Equal("csharp", dib.DefaultKernel);
        Assert.Equal(["markdown", "csharp", "csharp"], dib.Cells.Select(c => c.Kernel));
        Assert.Equal("# XOR with NotebookDL\n\nA Polyglot notebook, saved by .NET Interactive.", dib.Cells[0].Source);
        Assert.StartsWith("#!time\nusing static NotebookDL.torch;", dib.Cells[1].Source); // #!time is a magic, not a kernel
        Assert.Equal("csharp", (string?)dib.Metadata!["kernelInfo"]!["defaultKernelName"]);
    }

    public static TheoryData<string, string[]> Texts => new()
    {
        // no #!meta: text before the first kernel line is the default kernel's (C#)
        { "var a = 1;\n\n#!fsharp\nlet b = 2\n", ["csharp:var a = 1;", "fsharp:let b = 2"] },
        // Windows line ends, empty cells dropped
        { "#!csharp\r\n\r\n#!markdown\r\nText\r\n#!pwsh\r\nGet-Date\r\n", ["markdown:Text", "pwsh:Get-Date"] },
        // a kernel named only in #!meta
        { "#!meta\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"name\":\"mydb\",\"aliases\":[]}]}}\n#!mydb\nselect 1\n", ["mydb:select 1"] },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Parse_Text_GivesKernelAndSourcePerCell(string text, string[] cells)
    {
        var dib = DibNotebook.Parse(text, "test.dib");

        Assert.Equal(cells, dib.Cells.Select(c => $"{c.Kernel}:{c.Source}"));
    }

    [Fact]
    public void Parse_BrokenMeta_SaysWhichFileAndLine()
    {
        var error = Assert.Throws<FormatException>(() => DibNotebook.Parse("\n#!meta\n{not json\n#!csharp\n1", "broken.dib"));

        Assert.StartsWith("broken.dib: the #!meta block at line 2 is not valid JSON", error.Message);
    }
}
