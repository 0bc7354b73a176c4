using NotebookDL.Kernel.Language;

namespace NotebookDL.Kernel.Tests.Language;

public class CompletenessCheckerTests
{
    [Theory]
    [InlineData("1 + 1", "complete")]
    [InlineData("", "complete")]
    [InlineData("#!time", "complete")]
    [InlineData("var x = 1;\nConsole.WriteLine(x);", "complete")]
    [InlineData("if (x) {", "incomplete")]
    [InlineData("Console.WriteLine(", "incomplete")]
    [InlineData("var s = \"\"\"\nraw", "incomplete")]
    [InlineData("var = ;", "invalid")]
    [InlineData("int 1x = 2;", "invalid")]
    public void Classifies_code(string code, string status) =>
        Assert.Equal(status, CompletenessChecker.Check(code)["status"]!.GetValue<string>());

    [Fact]
    public void Indent_follows_open_braces()
    {
        var reply = CompletenessChecker.Check("class A {\n  void M() {");
        Assert.Equal("        ", reply["indent"]!.GetValue<string>());
    }
}
