namespace NotebookDL.TorchSharp.Display.Tests;

/// <summary>The teaching plots that run the engine themselves (autograd, optimizers) on TorchSharp.</summary>
public class TeachingPlotTests
{
    [Fact]
    public void PlotFunctions_Activations_SameCurvesAsManagedEngine()
    {
        TorchSharpNatives.EnsureLoaded();

        var onTorchSharp = plot_functions(Activations.all);

        Assert.Equal(MD.Notebook.plot_functions(MD.Activations.all).ToString(), onTorchSharp.ToString());
        var sigmoid = onTorchSharp.Panels[1].Series[1];
        Assert.Equal(0.25, sigmoid.Y[200], 6); // σ'(0) by TorchSharp's autograd
    }

    [Fact]
    public void PlotOptimizerTrajectories_Defaults_SamePathsAsManagedEngine()
    {
        TorchSharpNatives.EnsureLoaded();

        var onTorchSharp = plot_optimizer_trajectories(steps: 10);

        Assert.Equal(MD.Notebook.plot_optimizer_trajectories(steps: 10).ToString(), onTorchSharp.ToString());
        Assert.Equal(6, onTorchSharp.Panels.Count);
    }

    [Fact]
    public void Table_TorchSharpMatrix_SameAsManagedEngine()
    {
        var (t, m) = Twins.Floats([1, 2, 3, 4.5f], 2, 2);

        Assert.Equal(MD.Notebook.table(m, ["a", "b"]).ToString(), table(t, ["a", "b"]).ToString());
    }

    [Fact]
    public void Expect_TorchSharpTensorOffTheBook_Throws()
    {
        var (t, _) = Twins.Floats([1, 2], 2);

        Assert.Equal("values", expect(t, [1.0, 2.0]).Label);
        Assert.Throws<BookCheckFailedException>(() => expect(t, [1.0, 2.5]));
    }

    [Fact]
    public void Plot_TwoArrays_CompilesOnTorchSharpAndDrawsTheManagedFigure()
    {
        double[] x = [0, 1, 2], y = [4, 1, 0];

        // TorchSharp converts double[] to Tensor implicitly: without the array overload this call was ambiguous there
        var figure = plot(x, y, "parabola");

        Assert.Equal(MD.Notebook.plot(x, y, "parabola").ToSvg(), figure.ToSvg());
        Assert.Equal(y, figure.Panels[0].Series[0].Y);
    }

    [Fact]
    public void Expect_TwoArrays_CompilesOnTorchSharpAndChecksEachValue()
    {
        double[] actual = [1, 2.0004];

        Assert.Equal(0.0004, expect(actual, [1.0, 2.0], 1e-3).MaxDeviation, 9);
        Assert.Throws<BookCheckFailedException>(() => expect(actual, [1.0, 2.0], 1e-5));
    }
}
