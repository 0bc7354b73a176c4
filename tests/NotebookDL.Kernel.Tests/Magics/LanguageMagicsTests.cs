using NotebookDL.Kernel.Tests.Execution;

namespace NotebookDL.Kernel.Tests.Magics;

[Collection("cells")]
public class LanguageMagicsTests
{
    private static readonly Interpreter Interpreter = new();

    public static TheoryData<string, string> ForeignCells => new()
    {
        { "#!fsharp\nlet x = 1", "this cell is F# (#!fsharp)" },
        { "#!pwsh\nGet-Date", "this cell is PowerShell (#!pwsh)" },
        { "#!javascript\nconsole.log(1)", "this cell is JavaScript (#!javascript)" },
        { "#!markdown\n# Title", "this cell is Markdown (#!markdown), but NotebookDL's kernel runs C# only: make it a Markdown cell instead" },
    };

    [Theory]
    [MemberData(nameof(ForeignCells))]
    public async Task Execute_ForeignLanguageCell_FailsNamingTheLanguage(string cell, string message)
    {
        var result = await Interpreter.ExecuteAsync(cell, "In[1]", new RecordingOutput());

        Assert.Equal("ForeignLanguageCell", result.Error?.EName);
        Assert.StartsWith(message, result.Error?.EValue);
    }

    [Theory]
    [InlineData("#!csharp\n1 + 1")]
    [InlineData("#!c#\n#!time\n1 + 1")]
    public async Task Execute_CSharpCellLine_RunsTheCell(string cell)
    {
        var result = await Interpreter.ExecuteAsync(cell, "In[1]", new RecordingOutput());

        Assert.Null(result.Error);
        Assert.Equal("2", result.Value?["text/plain"]?.GetValue<string>());
    }

    [Fact]
    public async Task Lsmagic_LanguageLines_AreNotListed()
    {
        var output = new RecordingOutput();
        await Interpreter.ExecuteAsync("#!lsmagic", "In[1]", output);

        Assert.DoesNotContain("#!fsharp", output.Stdout);
        Assert.DoesNotContain("#!csharp", output.Stdout);
    }
}
