using NotebookDL.Kernel.Language;
using NotebookDL.Kernel.Tests.Execution;

namespace NotebookDL.Kernel.Tests.Language;

[Collection("cells")]
public class CodeInspectionTests(SharedSession shared)
{
    private async Task<string> Inspect(string code, int? cursor = null, int detail = 0)
    {
        var reply = await new CodeInspection(shared.Session).InspectAsync(code, cursor ?? code.Length, detail);
        Assert.True(reply["found"]!.GetValue<bool>(), $"nothing found at {cursor ?? code.Length} in {code}");
        return reply["data"]!["text/plain"]!.GetValue<string>();
    }

    [Fact]
    public async Task InspectAsync_LayerFactory_ShowsParameterNamesDefaultsAndSummary()
    {
        var text = await Inspect("var layer = nn.Linear(784, 10);", "var layer = nn.Lin".Length);

        Assert.StartsWith("Linear torch.nn.Linear(long inputSize, long outputSize, bool hasBias = true, ", text);
        Assert.Contains("Device? device = null, ScalarType? dtype = null)", text);
        Assert.Contains("\n\nA fully connected layer from inputSize to outputSize features.", text);
    }

    [Fact]
    public async Task InspectAsync_FrameworkMethod_ShowsParameterName()
    {
        Assert.Contains("Math.Sqrt(double d)", await Inspect("Math.Sqrt"));
    }
}
