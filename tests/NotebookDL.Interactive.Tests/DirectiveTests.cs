using Microsoft.DotNet.Interactive.Events;

namespace NotebookDL.Interactive.Tests;

[Collection("interactive")]
public class DirectiveTests(InteractiveKernel session) : IClassFixture<InteractiveKernel>
{
    private static string Shown(IEnumerable<KernelEvent> events) =>
        string.Join("\n", events.OfType<DisplayedValueProduced>().Select(e => InteractiveKernel.Formatted(e, "text/plain")));

    [Fact]
    public async Task Seed_ThenRandn_GivesTheSeededValue()
    {
        torch.manual_seed(1);
        var expected = torch.randn(3).sum().item<float>();
        torch.manual_seed(12345);

        var events = await session.Run("#!seed 1\nrandn(3).sum().item<float>()");

        Assert.Equal(expected, Assert.Single(events.OfType<ReturnValueProduced>()).Value);
        Assert.Contains("Seeded the managed engine's random generator with 1.", Shown(events));
    }

    [Fact]
    public async Task Threads_WithCount_SetsTheComputeThreads()
    {
        var before = torch.get_num_threads();
        try
        {
            var events = await session.Run("#!threads 1\ntorch.get_num_threads()");

            Assert.Equal(1, Assert.Single(events.OfType<ReturnValueProduced>()).Value);
            Assert.Contains("now uses 1 compute threads", Shown(events));
        }
        finally
        {
            torch.set_num_threads(before);
        }
    }

    [Fact]
    public async Task About_NoArguments_ShowsTheEngineAndTheHost()
    {
        var shown = Shown(await session.Run("#!about"));

        Assert.Contains("NotebookDL", shown);
        Assert.Contains(".NET Interactive", shown);
        Assert.Contains("SIMD", shown);
    }

    [Fact]
    public async Task Summary_ModelVariable_DisplaysTheSummaryBundle()
    {
        await session.Run("var summaryModel = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2));");

        var shown = Assert.Single((await session.Run("#!summary summaryModel --input-size 4")).OfType<DisplayedValueProduced>());

        Assert.Contains("58", InteractiveKernel.Formatted(shown, "text/plain")); // 4*8+8 + 8*2+2 parameters
        Assert.Contains("<table", InteractiveKernel.Formatted(shown, "text/html"));
    }

    [Theory]
    [InlineData("", false, false)]
    [InlineData(" --kernel-shape", true, false)]
    [InlineData(" --mult-adds --kernel-shape", true, true)]
    public async Task Summary_Flags_AddTheirColumns(string flags, bool kernelShape, bool multAdds)
    {
        await session.Run("var flagsModel = nn.Sequential(nn.Linear(4, 2));");

        var text = Shown(await session.Run("#!summary flagsModel --input-size 4" + flags));

        Assert.Equal(kernelShape, text.Contains("Kernel Shape", StringComparison.Ordinal));
        Assert.Equal(multAdds, text.Contains("Mult-Adds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlotHistory_HistoryVariable_DisplaysTheLearningCurves()
    {
        await session.Run("""
            manual_seed(0);
            var historyModel = nn.Sequential(nn.Linear(2, 1));
            historyModel.compile(loss: "mse", optimizer: "sgd");
            var history = historyModel.fit(randn(8, 2), randn(8, 1), epochs: 2, verbose: 0);
            """);

        var shown = Assert.Single((await session.Run("#!plot-history history")).OfType<DisplayedValueProduced>());

        Assert.Contains("<svg", InteractiveKernel.Formatted(shown, "image/svg+xml"));
        Assert.Contains("loss", InteractiveKernel.Formatted(shown, "text/plain"));
    }

    public static TheoryData<string, string> BadArguments => new()
    {
        { "#!summary summaryModel --input-size 1,x", "--input-size must be positive integers separated by commas, got '1,x'" },
        { "#!summary nothingHere --input-size 4", "'nothingHere' is not a variable of this C# session" },
        { "#!plot-history notAHistory", "'notAHistory' is a int, not the History that fit returns" },
        { "#!threads 0", "the thread count must be at least 1, got 0" },
        { "#!seed lots", "the seed must be an integer, got 'lots'" },
        { "#!threads many", "the thread count N must be an integer, got 'many'" },
        { "#!summary summaryModel", "Missing required parameter '--input-size'" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Directive_BadArgument_FailsWithTheCommandsMessage(string cell, string message)
    {
        await session.Run("var summaryModel = nn.Sequential(nn.Linear(4, 2)); var notAHistory = 3;");

        Assert.Contains(message, await session.Fail(cell));
    }
}
