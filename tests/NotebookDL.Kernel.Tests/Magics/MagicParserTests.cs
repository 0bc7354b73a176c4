using NotebookDL.Kernel.Magics;

namespace NotebookDL.Kernel.Tests.Magics;

public class MagicParserTests
{
    [Fact]
    public void Leading_magic_lines_are_parsed_and_blanked_keeping_offsets()
    {
        const string cell = "#!time\n\n#!summary model --input-size 1,28,28\nvar x = 1;\n#!notamagic";

        var (magics, code) = MagicParser.Split(cell);

        Assert.Equal(["time", "summary"], magics.Select(m => m.Name));
        Assert.Equal(["model", "--input-size", "1,28,28"], magics[1].Args);
        Assert.Equal(2, magics[1].Line);
        Assert.Equal(cell.Length, code.Length);
        Assert.Equal(cell.Split('\n').Length, code.Split('\n').Length);
        Assert.StartsWith("      \n\n", code);
        Assert.EndsWith("var x = 1;\n#!notamagic", code);
    }

    [Fact]
    public void Cells_without_magics_are_unchanged()
    {
        const string cell = "var x = 1;";
        var (magics, code) = MagicParser.Split(cell);
        Assert.Empty(magics);
        Assert.Same(cell, code);
    }

    [Fact]
    public void Tokenize_groups_quotes()
    {
        Assert.Equal(["a", "b c", "d\"e"], MagicParser.Tokenize("a \"b c\" d\\\"e"));
        Assert.Equal([""], MagicParser.Tokenize("\"\""));
    }
}
