using NotebookDL.Display;
using static NotebookDL.Display.Notebook;
using static NotebookDL.torch;

namespace NotebookDL.Display.Tests.Metrics;

public class ConfusionMatrixDisplayTests
{
    [Fact]
    public void ConfusionMatrix_Fixed_MatchesGoldenTextAndSvg()
    {
        var bundle = plot_confusion_matrix(Fixtures.Confusion(), "Validation set").ToMimeBundle();

        Golden.Verify("confusion_matrix.txt", bundle.Text);
        Golden.Verify("confusion_matrix.svg", bundle[MimeBundle.Svg]);
    }

    [Fact]
    public void ConfusionMatrix_Svg_HasAxisTitlesClassNamesCountsAndPercentages()
    {
        var doc = SvgAssert.WellFormed(plot_confusion_matrix(Fixtures.Confusion()).ToMimeBundle()[MimeBundle.Svg]);
        var texts = SvgAssert.Texts(doc).ToList();

        Assert.Contains("True label", texts);
        Assert.Contains("Predicted label", texts);
        Assert.Equal(2, texts.Count(t => t == "cat")); // once per axis
        Assert.Contains("71", texts);
        Assert.Contains("71.0%", texts);
        Assert.Contains("24.0%", texts);
    }

    [Fact]
    public void ConfusionMatrix_TenCifarClasses_SlantsLongNamesAndStaysInColumn()
    {
        var counts = new long[10, 10];
        for (int r = 0; r < 10; r++)
            for (int c = 0; c < 10; c++) counts[r, c] = r == c ? 700 + 10 * r : (r * 7 + c * 3) % 40;
        var svg = plot_confusion_matrix(new ConfusionMatrix(counts, Fixtures.CifarClasses)).ToMimeBundle()[MimeBundle.Svg];

        SvgAssert.WellFormed(svg);
        Assert.True(SvgAssert.Size(svg).width <= Theme.Width);
        Assert.Contains("rotate(-45", svg);
    }

    [Fact]
    public void ConfusionMatrix_TenClasses_TextIsASummaryWithoutTheTable()
    {
        var counts = new long[10, 10];
        for (int r = 0; r < 10; r++) counts[r, r] = 90;
        counts[3, 5] = 40;
        counts[5, 3] = 25;
        counts[1, 9] = 7;

        var text = ConfusionMatrixDisplay.From(new ConfusionMatrix(counts, Fixtures.CifarClasses), "CIFAR-10").ToMimeBundle().Text;

        Assert.Equal(
            "CIFAR-10\n10 classes, 972 samples, 900 right (accuracy 92.6%)\n" +
            "most confused (true → predicted): cat → dog 40 (30.8%), dog → cat 25 (21.7%), automobile → truck 7 (7.2%)", text);
    }

    [Fact]
    public void ConfusionMatrix_FromTensors_CountsPairs()
    {
        var display = plot_confusion_matrix(tensor(new long[] { 0, 1, 1, 2 }), tensor(new long[] { 0, 1, 2, 2 }), ["a", "b", "c"]);

        Assert.Equal([0L, 1, 1], display.Counts[1]);
        Assert.Equal(0.5, display.Fraction(1, 2));
    }

    [Fact]
    public void ConfusionMatrix_EmptyClass_ShowsZeroPercentNotNaN()
    {
        var display = ConfusionMatrixDisplay.From(new ConfusionMatrix(new long[,] { { 3, 0 }, { 0, 0 } }, ["x", "y"]));

        var bundle = display.ToMimeBundle();

        Assert.DoesNotContain("NaN", bundle[MimeBundle.Svg]);
        Assert.Contains("0 (0.0%)", bundle.Text);
    }

    [Fact]
    public void ClassificationReport_Fixed_MatchesGoldenTextAndHtml()
    {
        var bundle = classification_report(Fixtures.Confusion()).ToMimeBundle();

        Golden.Verify("classification_report.txt", bundle.Text);
        Golden.Verify("classification_report.html", bundle[MimeBundle.Html]);
    }

    [Fact]
    public void ClassificationReport_Text_IsTheEngineReport()
    {
        var report = classification_report(Fixtures.Confusion(), digits: 3);

        Assert.Equal(metrics.classification_report(Fixtures.Confusion(), 3).TrimEnd('\n'), report.ToMimeBundle().Text);
        Assert.Equal(0.71, report.Classes[1].Recall, 12);
        Assert.Equal(400, report.Total);
    }

    [Fact]
    public void Display_EngineConfusionMatrix_IsTheHeatmap()
    {
        var bundle = NotebookDL.Display.Formatter.ToMimeBundle(Fixtures.Confusion());

        SvgAssert.WellFormed(bundle[MimeBundle.Svg]);
    }
}
