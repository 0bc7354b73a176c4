using NotebookDL.Display;
using static NotebookDL.Display.Notebook;

namespace NotebookDL.Display.Tests.Functions;

public class FunctionPlotTests
{
    private static (IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> dy) Curve(Figure figure, int index) =>
        (figure.Panels[0].Series[index].X, figure.Panels[0].Series[index].Y, figure.Panels[1].Series[index].Y);

    [Fact]
    public void PlotFunctions_Sigmoid_DerivativeIsSigmoidTimesOneMinusSigmoid()
    {
        var (x, y, dy) = Curve(plot_functions([Activations.sigmoid], -6, 6, points: 61), 0);

        for (int i = 0; i < x.Count; i++)
        {
            var s = 1 / (1 + Math.Exp(-x[i]));
            Assert.Equal(s, y[i], 5);
            Assert.Equal(s * (1 - s), dy[i], 5);
        }
    }

    [Fact]
    public void PlotFunctions_TanhAndRelu_DerivativesMatchCalculus()
    {
        var figure = plot_functions([Activations.tanh, Activations.relu], -3, 3, points: 31);

        var (x, _, dTanh) = Curve(figure, 0);
        var (_, _, dRelu) = Curve(figure, 1);
        for (int i = 0; i < x.Count; i++)
        {
            Assert.Equal(1 - Math.Pow(Math.Tanh(x[i]), 2), dTanh[i], 5);
            if (Math.Abs(x[i]) > 1e-9) Assert.Equal(x[i] > 0 ? 1 : 0, dRelu[i]);
        }
    }

    [Fact]
    public void PlotFunctions_LeakyRelu_NegativeSlopeIsTheLeak()
    {
        var (_, _, dy) = Curve(plot_functions([Activations.leaky_relu(0.1)], -2, 2, points: 5), 0);

        Assert.Equal(0.1, dy[0], 6);
        Assert.Equal(1, dy[^1], 6);
    }

    [Fact]
    public void PlotFunctions_Step_HasZeroDerivativeAndSaysSo()
    {
        var figure = plot_functions(Activations.all);

        var (_, y, dy) = Curve(figure, 0);
        Assert.All(dy, d => Assert.Equal(0, d));
        Assert.Equal(1, y[^1]);
        Assert.Contains("step: no gradient", figure.Panels[1].Title);
        SvgAssert.WellFormed(figure.ToSvg());
    }

    [Fact]
    public void PlotFunctions_SoftmaxComponents_SumToOneAndDerivativeIsPTimesOneMinusP()
    {
        var figure = plot_functions(Activations.softmax_components(1, 0), -4, 4, points: 17);

        var (x, p0, d0) = Curve(figure, 0);
        var (_, p1, _) = Curve(figure, 1);
        var (_, p2, _) = Curve(figure, 2);
        for (int i = 0; i < x.Count; i++)
        {
            Assert.Equal(1, p0[i] + p1[i] + p2[i], 5);
            Assert.Equal(p0[i] * (1 - p0[i]), d0[i], 5);
        }
    }

    [Fact]
    public void PlotFunctions_NegLog_DerivativeIsMinusOneOverP()
    {
        var (x, y, dy) = Curve(plot_functions([Activations.neg_log], 0.05, 1, points: 20, dylim: new AxisRange(-20, 0)), 0);

        for (int i = 0; i < x.Count; i++)
        {
            Assert.Equal(-Math.Log(x[i]), y[i], 4);
            Assert.Equal(-1 / x[i], dy[i], 3);
        }
    }

    [Fact]
    public void PlotFunctions_NonElementwiseFunction_ExplainsTheProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => plot_functions([new NamedFunction("sum", x => x.sum())]));

        Assert.Contains("element-wise", error.Message);
    }
}
