using System.Reflection;
using System.Runtime.Loader;
using NotebookDL.Display;
using static NotebookDL.Display.Notebook;

namespace NotebookDL.Plotly.Tests;

[Collection("plotly.js")] // which chart carries plotly.js is process-wide state
public class PlotlyDisplayTests
{
    [Fact]
    public void ToMimeBundle_ThroughNotebookDLsFormatter_SendsPlotlyJsWithTheFirstChartOnly()
    {
        var chart = plot([0.0, 1], [2.0, 3], "line", "Once").to_plotly();
        PlotlyDisplay.ResendPlotlyJs();

        var first = Formatter.ToMimeBundle(chart);
        var second = Formatter.ToMimeBundle(chart);

        Assert.Equal([MimeBundle.PlainText, MimeBundle.Html], first.Keys);
        Assert.Equal("Plotly chart \"Once\": 1 trace (line)", first.Text);
        Assert.True(first[MimeBundle.Html].Length > 3_000_000, "the first chart carries plotly.js (3.6 MB)");
        Assert.Contains("(function (define, module, exports) {", first[MimeBundle.Html]);
        Assert.True(second[MimeBundle.Html].Length < 10_000, "later charts do not");
        Assert.Contains("window.Plotly.newPlot(target, figure.data, figure.layout", second[MimeBundle.Html]);
        Assert.Contains("\"name\":\"line\"", second[MimeBundle.Html]);
    }

    [Fact]
    public void ToMimeBundle_TextInTheFigure_CannotCloseTheScript()
    {
        var html = PlotlyDisplay.ToMimeBundle(plot([0.0], [1.0], "</script><b>x</b>").to_plotly())[MimeBundle.Html];

        Assert.DoesNotContain("</script><b>", html);
    }

    public static TheoryData<string, bool> AssemblyNames => new()
    {
        { "FSharp.Core, Version=10.1.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", true },
        { "FSharp.Core, Version=99.0.0.0", true },
        { "Newtonsoft.Json, Version=13.0.0.0", false },
    };

    [Theory]
    [MemberData(nameof(AssemblyNames))]
    public void Resolve_MissingFSharpCore_AnswersWithTheLoadedOne(string name, bool answered)
    {
        _ = plot([0.0], [1.0]).to_plotly(); // Plotly.NET has loaded FSharp.Core

        var resolved = FSharpCoreRedirect.Resolve(AssemblyLoadContext.Default, new AssemblyName(name));

        Assert.Equal(answered, resolved is not null);
        if (answered) Assert.Equal("FSharp.Core", resolved!.GetName().Name);
    }
}
