using NotebookDL.Display;
using static NotebookDL.Display.Notebook;

namespace NotebookDL.Display.Tests.Functions;

public class OptimizerTrajectoryTests
{
    [Fact]
    public void OptimizerTrajectories_Defaults_SixPanelsEachReachingTheMinimum()
    {
        var figure = plot_optimizer_trajectories();

        Assert.Equal(["SGD", "Momentum", "Nesterov", "Adagrad", "RMSProp", "Adam"], figure.Panels.Select(p => p.Title!.Split(' ')[0]));
        foreach (var panel in figure.Panels)
        {
            var end = panel.PointMarkers.Single(m => m.Label == "end");
            Assert.True(Math.Abs(end.X) < 1.5 && Math.Abs(end.Y) < 0.5, $"{panel.Title} ended at ({end.X}, {end.Y})");
            Assert.Equal(21, panel.Series.Single(s => s.Label == "path").X.Count);
        }
        SvgAssert.WellFormed(figure.ToSvg());
    }

    [Fact]
    public void OptimizerTrajectories_Sgd_FirstStepIsLearningRateTimesGradient()
    {
        var sgd = new OptimizerChoice("SGD", p => NotebookDL.torch.optim.SGD(p, 0.1));

        var path = OptimizerTrajectories.Run((x, y) => x * x + y * y * 3.0, (1, 1), 1, sgd);

        Assert.Equal(1 - 0.1 * 2, path[1].x, 5);
        Assert.Equal(1 - 0.1 * 6, path[1].y, 5);
        Assert.Equal(4, path[0].loss, 5);
    }

    [Fact]
    public void OptimizerTrajectories_Contours_AreOnTheLossLevels()
    {
        var figure = plot_optimizer_trajectories(steps: 2, optimizers: [OptimizerChoice.Defaults[0]]);

        var contours = figure.Panels[0].Series.Where(s => s.Label.Length == 0).ToList();
        Assert.Equal(10, contours.Count);
        var ring = contours[2]; // small enough to close inside the plotted range
        Assert.DoesNotContain(double.NaN, ring.X); // the ellipse is one closed polyline
        Assert.Equal((ring.X[0], ring.Y[0]), (ring.X[^1], ring.Y[^1]));
        var level = 0.1 * ring.X[0] * ring.X[0] + 2 * ring.Y[0] * ring.Y[0];
        for (int i = 0; i < ring.X.Count; i++) Assert.Equal(level, 0.1 * ring.X[i] * ring.X[i] + 2 * ring.Y[i] * ring.Y[i], 1);
    }
}
