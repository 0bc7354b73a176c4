namespace NotebookDL.TorchSharp.Display.Tests;

public class PictureTests
{
    [Fact]
    public void ShowImages_TorchSharpBatch_SameGridAsManagedEngine()
    {
        var values = Enumerable.Range(0, 4 * 1 * 6 * 5).Select(i => i % 7 / 6f).ToArray();
        var (t, m) = Twins.Floats(values, 4, 1, 6, 5);
        string[] titles = ["a", "b", "c", "d"];

        var onTorchSharp = show_images(t, 2, 2, titles);
        var onManaged = MD.Notebook.show_images(m, 2, 2, titles);

        Assert.Equal(onManaged.ToSvg(), onTorchSharp.ToSvg());
        Assert.Equal(onManaged.ToText(), onTorchSharp.ToText());
        Assert.Equal("Images: 4 images in 2 × 2, each 1 × 6 × 5\n  a | b\n  c | d", onTorchSharp.ToText());
        Assert.Equal(values.Take(30).Select(v => (byte)Math.Round(v * 255)), onTorchSharp.Tiles[0].Pixels);
        Assert.Contains("image/png", onTorchSharp.ToMimeBundle().Keys);
    }

    [Fact]
    public void ShowImages_TorchSharpRgbOutsideUnitRange_RescalesLikeManagedEngine()
    {
        var values = Enumerable.Range(0, 2 * 3 * 2 * 2).Select(i => i - 10f).ToArray();
        var (t, m) = Twins.Floats(values, 2, 3, 2, 2);

        Assert.Equal(MD.Notebook.show_images(m, 1, 2).Tiles[1].Pixels, show_images(t, 1, 2).Tiles[1].Pixels);
    }

    [Fact]
    public void PlotDecisionBoundary_TorchSharpClassifier_SameTextAsManagedEngineAndRestoresMode()
    {
        var (t, m) = Twins.Classifier();
        var (x, managedX) = Twins.Floats([-2, -1, -1.5f, -2, 2, 1, 1.5f, 2.5f], 4, 2);
        var (y, managedY) = Twins.Longs(0, 0, 1, 1);
        t.train();

        var onTorchSharp = plot_decision_boundary(t, x, y, ["left", "right"], resolution: 40);
        var onManaged = MD.Notebook.plot_decision_boundary(m, managedX, managedY, ["left", "right"], resolution: 40);

        Assert.True(t.training);
        Assert.Equal(onManaged.ToString(), onTorchSharp.ToString());
        var bundle = onTorchSharp.ToMimeBundle();
        Assert.Contains("<svg", bundle["image/svg+xml"]);
        Assert.Contains("data:image/png;base64,", bundle["image/svg+xml"]); // the probability background
        Assert.Contains("image/png", bundle.Keys);
    }

    [Fact]
    public void PlotDecisionBoundary_TorchSharpPointsNotTwoFeatures_NamesTheShape()
    {
        var (t, _) = Twins.Classifier();
        var (x, _) = Twins.Floats([1, 2, 3], 1, 3);
        var (y, _) = Twins.Longs(0);

        var error = Assert.Throws<ArgumentException>(() => plot_decision_boundary(t, x, y));

        Assert.Contains("x must be [N, 2] (two input features), got [1, 3]", error.Message);
    }

    [Fact]
    public void Plot_TorchSharpTensors_SameFigureAsManagedEngine()
    {
        var (x, managedX) = Twins.Floats([0, 1, 2, 3], 4);
        var (y, managedY) = Twins.Floats([1, 0.5f, 0.25f, 0.125f], 4);

        Assert.Equal(MD.Notebook.plot(managedX, managedY, "halving").ToSvg(), plot(x, y, "halving").ToSvg());
    }
}
