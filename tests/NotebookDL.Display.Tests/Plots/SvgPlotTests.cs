using NotebookDL.Display;
using static NotebookDL.Display.Notebook;
using static NotebookDL.torch;

namespace NotebookDL.Display.Tests.Plots;

public class SvgPlotTests
{
    private static readonly double[] X = Enumerable.Range(0, 21).Select(i => i / 2.0).ToArray();

    [Fact]
    public void Plot_TwoSeries_IsWellFormedSvgWithViewBoxLegendAndTitle()
    {
        var figure = plot(X, [X.Select(Math.Sin).ToArray(), X.Select(Math.Cos).ToArray()], ["sin", "cos"], "Waves", "x", "y");

        var bundle = figure.ToMimeBundle();
        var doc = SvgAssert.WellFormed(bundle[MimeBundle.Svg]);

        var texts = SvgAssert.Texts(doc).ToList();
        Assert.Contains("Waves", texts);
        Assert.Contains("sin", texts);
        Assert.Contains("cos", texts);
        Assert.Contains("x", texts);
        Assert.Equal(Theme.Width, SvgAssert.Size(bundle[MimeBundle.Svg]).width);
        Assert.Contains("sin: 21 points", bundle.Text);
    }

    [Fact]
    public void Plot_Series_UseOkabeItoColoursInOrder()
    {
        var svg = plot(X, [X, X.Select(v => 2 * v).ToArray()], ["a", "b"]).ToSvg();

        var strokes = SvgAssert.WellFormed(svg).Descendants(SvgAssert.Svg + "path").Select(p => p.Attribute("stroke")?.Value).ToList();
        Assert.Contains("#0072B2", strokes);
        Assert.Contains("#D55E00", strokes);
    }

    [Fact]
    public void Plot_Tensors_MatchesArrays()
    {
        var x = linspace(-1, 1, 5);

        var text = plot(x, x * x, "square").ToText();

        Assert.Contains("square: 5 points, x -1..1, y 0..1", text);
    }

    [Fact]
    public void Plot_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => plot(X, [new double[3]]));
    }

    [Fact]
    public void Plot_NonFiniteValues_AreSkippedNotDrawnAsNaN()
    {
        var y = X.Select(v => v == 2 ? double.NaN : v == 3 ? double.PositiveInfinity : v).ToArray();

        var svg = plot(X, y, "gappy").ToSvg();

        SvgAssert.WellFormed(svg);
        Assert.DoesNotContain("NaN", svg);
        Assert.DoesNotContain("Infinity", svg);
    }

    [Fact]
    public void Scatter_Classes_GetOneLegendEntryEach()
    {
        var svg = scatter([0, 1, 2, 3], [0, 1, 0, 1], [0, 1, 0, 1], ["no", "yes"], "Points").ToSvg();

        var texts = SvgAssert.Texts(SvgAssert.WellFormed(svg)).ToList();
        Assert.Contains("no", texts);
        Assert.Contains("yes", texts);
        Assert.Equal(4, SvgAssert.WellFormed(svg).Descendants(SvgAssert.Svg + "circle").Count() - 2);
    }

    [Fact]
    public void Plot_EscapesMarkupInLabels()
    {
        var svg = plot(X, X, "a < b & \"c\"", "<script>alert(1)</script>").ToSvg();

        var doc = SvgAssert.WellFormed(svg);
        Assert.Contains("a < b & \"c\"", SvgAssert.Texts(doc));
    }

    [Fact]
    public void Figure_Interactive_AddsPlotlyJsonWithGapsAsNull()
    {
        var y = X.Select(v => v == 2 ? double.NaN : v).ToArray();

        var bundle = (plot(X, y, "y", "Interactive") with { Interactive = true }).ToMimeBundle();

        using var json = System.Text.Json.JsonDocument.Parse(bundle[MimeBundle.Plotly]);
        var trace = json.RootElement.GetProperty("data")[0];
        Assert.Equal("y", trace.GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, trace.GetProperty("y")[4].ValueKind);
        Assert.Equal([MimeBundle.PlainText, MimeBundle.Svg, MimeBundle.Png, MimeBundle.Plotly], bundle.Keys);
        Assert.False(plot(X, y).ToMimeBundle().ContainsKey(MimeBundle.Plotly));
    }

    [Theory]
    [InlineData(0, 1, new[] { 0.0, 0.2, 0.4, 0.6, 0.8, 1.0 })]
    [InlineData(0, 10, new[] { 0.0, 2, 4, 6, 8, 10 })]
    [InlineData(-3, 3, new[] { -3.0, -2, -1, 0, 1, 2, 3 })]
    [InlineData(0.31, 0.98, new[] { 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 })]
    public void NiceScale_Range_PicksRoundTicks(double min, double max, double[] expected)
    {
        var scale = new NiceScale(min, max, 0, 100, maxTicks: 7);

        Assert.Equal(expected, scale.Ticks.Select(t => Math.Round(t, 9)));
    }

    [Fact]
    public void NiceScale_QuarterSteps_ShowTwoDecimals()
    {
        var scale = new NiceScale(0, 1, 0, 100, maxTicks: 5);

        Assert.Equal(["0.00", "0.25", "0.50", "0.75", "1.00"], scale.Ticks.Select(scale.Label));
    }

    [Fact]
    public void NiceScale_Integers_StepsAreWhole()
    {
        var scale = new NiceScale(0, 4, 0, 100, maxTicks: 10, integers: true);

        Assert.All(scale.Ticks, t => Assert.Equal(Math.Round(t), t));
    }

    [Fact]
    public void Plot_LogY_LabelsDecadesAndSkipsNonPositiveValues()
    {
        var n = Enumerable.Range(0, 11).Select(i => (double)i).ToList();
        var powers = n.Select(k => Math.Pow(0.25, k)).ToList();
        powers[3] = 0; // a value a log axis cannot show: a gap, not an error

        var svg = plot(n, powers, "0.25ⁿ", logy: true).ToMimeBundle()[MimeBundle.Svg];

        var texts = SvgAssert.Texts(SvgAssert.WellFormed(svg)).ToList();
        Assert.Contains("1", texts);
        Assert.Contains("10⁻⁶", texts);
        Assert.DoesNotContain("0.5", texts);
    }
}

public class BarChartTests
{
    [Fact]
    public void Bar_Categories_DrawOneRectPerValueLabelledByCategory()
    {
        var svg = bar(["2010", "2011", "2012"], [28.2, 25.8, 16.4], "ILSVRC top-5 error", ylabel: "%").ToMimeBundle()[MimeBundle.Svg];

        var doc = SvgAssert.WellFormed(svg);
        var texts = SvgAssert.Texts(doc).ToList();
        Assert.Contains("2011", texts);
        Assert.Contains("ILSVRC top-5 error", texts);
        Assert.Equal(3, doc.Descendants().Count(e => e.Name.LocalName == "rect" && e.Attribute("fill")?.Value == Theme.SeriesColor(0)));
    }

    [Fact]
    public void Bar_GroupOfWrongLength_IsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => bar(["a", "b"], [[1.0, 2.0], [3.0]], ["x", "y"]));
        Assert.Contains("group 1 has 1 values for 2 categories", error.Message);
    }
}

public class ChartDisplayTests
{
    [Fact]
    public void ToMimeBundle_ChartOnItsOwn_IsDrawnAsAOnePanelFigure()
    {
        var chart = new Chart([new Series("y = x", [0.0, 1.0], [0.0, 1.0])], "panel");

        var bundle = NotebookDL.Display.Formatter.ToMimeBundle(chart);

        Assert.Contains("panel", SvgAssert.Texts(SvgAssert.WellFormed(bundle[MimeBundle.Svg])));
        Assert.True(NotebookDL.Display.Formatter.HasRichDisplay(typeof(Chart)));
    }
}
