using NotebookDL.Display;
using static NotebookDL.Display.Notebook;
using static NotebookDL.torch;

namespace NotebookDL.Display.Tests.Tables;

public class TableTests
{
    [Fact]
    public void Table_MixedColumns_AlignsNumbersRightAndTextLeft()
    {
        var t = table(["gate", "x1", "x2", "out"], [["AND", 1, 1, 1], ["NAND", 1, 1, 0], ["OR", 0, 0.5, 0.25]], "Truth table");

        Assert.Equal("Truth table\ngate  x1   x2   out\nAND    1    1     1\nNAND   1    1     0\nOR     0  0.5  0.25", t.ToMimeBundle().Text);
        var html = t.ToMimeBundle()[MimeBundle.Html];
        Assert.Contains("<th style=\"text-align:left", html);
        Assert.Contains(">NAND</td>", html);
        Assert.Equal(4, html.Split("<tr>").Length - 1);
    }

    [Fact]
    public void Table_RowOfWrongLength_NamesTheRowAndColumns()
    {
        var error = Assert.Throws<ArgumentException>(() => table(["a", "b"], [[1, 2], [3]]));
        Assert.Equal("table: row 2 has 1 values but there are 2 columns (a, b).", error.Message);
    }

    [Fact]
    public void Table_Tensor_ShowsRowsAndNamedColumns()
    {
        var t = table(tensor(new float[] { 0, 0, 1, 0, 1, 1 }, [3, 2]), ["x", "y"]);

        Assert.Equal("x  y\n0  0\n1  0\n1  1", t.ToText());
        Assert.Throws<ArgumentException>(() => table(ones(3)));
    }
}

public class ListFormattingTests
{
    [Fact]
    public void ToMimeBundle_ArraysAndLists_ShowTheirValues()
    {
        Assert.Equal("[1, 2, 3]", NotebookDL.Display.Formatter.ToMimeBundle(new long[] { 1, 2, 3 }).Text);
        Assert.Equal("[0.5, a, null]", NotebookDL.Display.Formatter.ToMimeBundle(new List<object?> { 0.5, "a", null }).Text);
        Assert.Equal("[[1, 2], [3]]", NotebookDL.Display.Formatter.ToMimeBundle(new[] { new[] { 1, 2 }, new[] { 3 } }).Text);
        Assert.EndsWith(", … (250 items)]", NotebookDL.Display.Formatter.ToMimeBundle(new int[250]).Text);
        Assert.Equal("text", NotebookDL.Display.Formatter.ToMimeBundle("text").Text);
    }
}
