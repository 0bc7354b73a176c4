using Microsoft.DotNet.Interactive.Events;
using static NotebookDL.torch;

namespace NotebookDL.Interactive.Tests;

[Collection("interactive")]
public class DisplayTests(InteractiveKernel session) : IClassFixture<InteractiveKernel>
{
    [Fact]
    public async Task Display_Tensor_SendsEveryRenderingOfItsBundle()
    {
        var events = await session.Run("display(zeros(2)); 1");

        var shown = Assert.Single(events.OfType<DisplayedValueProduced>());
        Assert.Contains("tensor([0., 0.])", InteractiveKernel.Formatted(shown, "text/plain"));
        Assert.Contains("<", InteractiveKernel.Formatted(shown, "text/html"));
    }

    [Fact]
    public async Task Update_DisplayHandle_UpdatesTheSameDisplayIdInPlace()
    {
        var events = await session.Run("var handle = display(zeros(1)); handle.Update(ones(1));");

        var shown = Assert.Single(events.OfType<DisplayedValueProduced>());
        var updated = Assert.Single(events.OfType<DisplayedValueUpdated>());
        Assert.Equal(shown.ValueId, updated.ValueId);
        Assert.Contains("tensor([1.])", InteractiveKernel.Formatted(updated, "text/plain"));
    }

    [Fact]
    public async Task Update_FromALaterCell_StillReachesTheDisplay()
    {
        var first = await session.Run("var later = display(zeros(1));");
        var second = await session.Run("later.Update(ones(1));");

        Assert.Equal(Assert.Single(first.OfType<DisplayedValueProduced>()).ValueId, Assert.Single(second.OfType<DisplayedValueUpdated>()).ValueId);
    }

    [Fact]
    public async Task Update_FromAnotherThreadAfterTheCellEnded_DoesNotThrow()
    {
        await session.Run("var background = display(zeros(1));");
        Assert.True(session.CSharp.TryGetValue<NotebookDL.Display.DisplayHandle>("background", out var handle));

        var update = await Record.ExceptionAsync(() => Task.Run(() => handle.Update(ones(1)))); // no cell is running: a timer's update

        Assert.Null(update);
    }

    [Fact]
    public async Task Fit_LiveTrainingPlot_RedrawsOneChartInPlace()
    {
        var events = await session.Run("""
            manual_seed(0);
            var liveModel = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1));
            liveModel.compile(loss: "mse", optimizer: "sgd");
            liveModel.fit(randn(16, 2), randn(16, 1), epochs: 3, verbose: 0, callbacks: [new LiveTrainingPlot(epochs: 3, min_interval: 0)]);
            """);

        var shown = Assert.Single(events.OfType<DisplayedValueProduced>());
        var updates = events.OfType<DisplayedValueUpdated>().ToList();
        Assert.NotEmpty(updates);
        Assert.All(updates, update => Assert.Equal(shown.ValueId, update.ValueId));
        Assert.Contains("<svg", InteractiveKernel.Formatted(updates[^1], "image/svg+xml"));
    }
}
