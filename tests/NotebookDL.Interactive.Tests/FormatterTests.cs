using Microsoft.DotNet.Interactive.Events;

namespace NotebookDL.Interactive.Tests;

[Collection("interactive")]
public class FormatterTests(InteractiveKernel session) : IClassFixture<InteractiveKernel>
{
    public static TheoryData<string, string, string> Values => new()
    {
        // cell, what text/plain shows, what text/html shows
        { "ones(2, 3)", "tensor([[1., 1., 1.],", "1" },
        { "nn.Sequential(nn.Linear(4, 8), nn.ReLU())", "Linear(in_features=4, out_features=8, bias=True)", "Linear" },
        { "summary(nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)), 4)", "58", "<table" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task ReturnValue_NotebookDLValue_HasTextPlainAndHtmlFromItsMimeBundle(string cell, string text, string html)
    {
        var events = await session.Run(cell);

        var value = Assert.Single(events.OfType<ReturnValueProduced>());
        Assert.Contains(text, InteractiveKernel.Formatted(value, "text/plain"));
        Assert.Contains(html, InteractiveKernel.Formatted(value, "text/html"));
    }

    [Fact]
    public async Task ReturnValue_PictureRecord_HasItsSvgAndText()
    {
        var events = await session.Run("plot_functions(Activations.all)");

        var value = Assert.Single(events.OfType<ReturnValueProduced>());
        Assert.StartsWith("<svg", InteractiveKernel.Formatted(value, "image/svg+xml"));
        Assert.NotEmpty(InteractiveKernel.Formatted(value, "text/plain"));
    }

    [Fact]
    public async Task ReturnValue_EngineHistory_ShowsItsChartSvgAsHtml()
    {
        var events = await session.Run("""
            manual_seed(0);
            var curvesModel = nn.Sequential(nn.Linear(2, 1));
            curvesModel.compile(loss: "mse", optimizer: "sgd");
            curvesModel.fit(randn(8, 2), randn(8, 1), epochs: 2, verbose: 0)
            """);

        var value = Assert.Single(events.OfType<ReturnValueProduced>());
        Assert.StartsWith("<svg", InteractiveKernel.Formatted(value, "text/html"));
        Assert.Contains("loss", InteractiveKernel.Formatted(value, "text/plain"));
    }
}
