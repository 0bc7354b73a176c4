using NotebookDL.Kernel.Display;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Tests.Execution;

namespace NotebookDL.Kernel.Tests.Display;

[Collection("cells")]
public class DisplayBridgeTests(SharedSession shared)
{
    [Fact]
    public async Task Install_CellEndsWithAFigure_ValueCarriesPngBesideSvgAndText()
    {
        DisplayBridge.Install(NotebookDL.Kernel.Engines.KernelEngines.Managed);

        var result = await shared.Session.ExecuteAsync("plot(new[] { 0.0, 1, 2 }, new[] { 0.0, 1, 4 }, \"y\", \"Parabola\")", "In[41]", new RecordingOutput());

        Assert.Null(result.Error);
        Assert.Equal(["text/plain", "image/svg+xml", "image/png"], result.Value!.Select(p => p.Key));
        Assert.StartsWith("iVBORw0KGgo", result.Value!["image/png"]!.GetValue<string>()); // the PNG signature: SkiaSharp loaded in the kernel
        Assert.StartsWith("Figure: Parabola", result.Value!["text/plain"]!.GetValue<string>());
    }
}
