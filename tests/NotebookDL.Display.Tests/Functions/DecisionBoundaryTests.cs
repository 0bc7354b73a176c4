using NotebookDL.Display;
using static NotebookDL.Display.Notebook;
using static NotebookDL.torch;

namespace NotebookDL.Display.Tests.Functions;

public class DecisionBoundaryTests
{
    [Fact]
    public void DecisionBoundary_LinearRule_DrawsBoundaryWhereProbabilityIsHalf()
    {
        var (x, y) = synthetic.logic_gate("OR");

        var figure = plot_decision_boundary(p => (p.select(1, 0) + p.select(1, 1) - 0.5).mul(8).sigmoid(), x, y, ["false", "true"], "OR");

        var boundary = figure.Panels[0].Series.Single(s => s.Label == "p = 0.5");
        Assert.NotEmpty(boundary.X);
        for (int i = 0; i < boundary.X.Count; i++)
            if (double.IsFinite(boundary.X[i])) Assert.Equal(0.5, boundary.X[i] + boundary.Y[i], 1);
        var doc = SvgAssert.WellFormed(figure.ToSvg());
        Assert.Single(doc.Descendants(SvgAssert.Svg + "image"));
        Assert.Contains("true", SvgAssert.Texts(doc));
    }

    [Fact]
    public void DecisionBoundary_Raster_IsResolutionSquarePngOrangeToBlue()
    {
        var (x, y) = synthetic.logic_gate("AND");

        var figure = plot_decision_boundary(p => p.select(1, 0).unsqueeze(1), x, y, resolution: 16);

        var raster = figure.Panels[0].Background!;
        var png = PngImage.Decode(Convert.FromBase64String(raster.PngDataUri["data:image/png;base64,".Length..]));
        Assert.Equal((16, 16), (png.Width, png.Height));
        Assert.True(png.Rgba[0] > png.Rgba[2], "left edge (p = 0) should be orange");
        Assert.True(png.Rgba[4 * 15 + 2] > png.Rgba[4 * 15], "right edge (p = 1) should be blue");
    }

    [Fact]
    public void DecisionBoundary_ThreeClassModel_TintsByClassAndRestoresTrainMode()
    {
        var (x, y) = synthetic.make_blobs(90, centers: 3, cluster_std: 0.6, random_state: 1);
        manual_seed(0);
        var model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Dropout(0.2), nn.Linear(16, 3));
        model.train();

        var figure = plot_decision_boundary(model, x, y, ["a", "b", "c"]);

        Assert.True(model.training);
        Assert.DoesNotContain(figure.Panels[0].Series, s => s.Label == "p = 0.5");
        Assert.Equal(["a", "b", "c"], figure.Panels[0].Series.Select(s => s.Label));
        SvgAssert.WellFormed(figure.ToSvg());
    }

    [Fact]
    public void DecisionBoundary_ThreeInputs_Explains()
    {
        var error = Assert.Throws<ArgumentException>(() => plot_decision_boundary(p => p, zeros(4, 3), zeros(4)));

        Assert.Contains("[N, 2]", error.Message);
    }
}
