using NotebookDL.Ops;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Ops;

/// <summary>
/// GELU and batch norm on tensors large enough to be split across threads, checked value by value against
/// double-precision formulas: the block boundaries must not drop or repeat an element.
/// </summary>
public class LargeElementwiseTests
{
    [Fact]
    public void Gelu_ManyElements_MatchesDoubleFormulaForwardAndBackward()
    {
        var x = randn(100_003, generator: new Generator(3)) * 3;
        x.requires_grad_();
        var y = nn.functional.gelu(x);
        var g = randn(100_003, generator: new Generator(4));
        y.backward(g);

        var (xs, ys, gs, dxs) = (x.detach().ToArray(), y.detach().ToArray(), g.ToArray(), x.grad!.ToArray());
        for (int i = 0; i < xs.Length; i++)
        {
            double v = xs[i], cdf = 0.5 * GeluFunction.Erfc(-v / Math.Sqrt(2));
            Assert.Equal(v * cdf, ys[i], 1e-5 * Math.Max(1, Math.Abs(v)));
            var slope = cdf + v * Math.Exp(-0.5 * v * v) / Math.Sqrt(2 * Math.PI);
            Assert.Equal(gs[i] * slope, dxs[i], 1e-5 * Math.Max(1, Math.Abs(gs[i])));
        }
    }

    [Fact]
    public void BatchNorm2d_ManyChannelsTraining_NormalizesEveryChannelAndMatchesComposite()
    {
        var x = randn([16, 40, 9, 9], generator: new Generator(5)) * 2 + 3;
        var weight = randn(40, generator: new Generator(6)).requires_grad_();
        var bias = randn(40, generator: new Generator(7)).requires_grad_();
        x.requires_grad_();
        var y = nn.functional.batch_norm(x, null, null, weight, bias, training: true, eps: 1e-5);
        var g = randn([16, 40, 9, 9], generator: new Generator(8));
        y.backward(g);

        var (x2, w2, b2) = (x.detach().clone().requires_grad_(), weight.detach().clone().requires_grad_(), bias.detach().clone().requires_grad_());
        var mean = x2.mean([0, 2, 3], keepdim: true);
        var variance = x2.var([0, 2, 3], unbiased: false, keepdim: true);
        var expected = (x2 - mean) / (variance + 1e-5).sqrt() * w2.reshape(1, 40, 1, 1) + b2.reshape(1, 40, 1, 1);
        expected.backward(g);

        Assert.True(allclose(y.detach(), expected.detach(), rtol: 1e-4, atol: 1e-5));
        Assert.True(allclose(x.grad!, x2.grad!, rtol: 1e-3, atol: 1e-4));
        Assert.True(allclose(weight.grad!, w2.grad!, rtol: 1e-3, atol: 1e-3));
        Assert.True(allclose(bias.grad!, b2.grad!, rtol: 1e-4, atol: 1e-4));
    }

    [Fact]
    public void BatchNorm_StatisticsShapedLikeTheInput_GradientsAndRunningStatsKeepTheirShapes()
    {
        var x = randn([4, 3, 5, 5], generator: new Generator(9)).requires_grad_();
        var weight = ones([1, 3, 1, 1]).requires_grad_();
        var bias = zeros([1, 3, 1, 1]).requires_grad_();
        var runningMean = zeros([1, 3, 1, 1]);
        var runningVar = ones([1, 3, 1, 1]);

        nn.functional.batch_norm(x, runningMean, runningVar, weight, bias, training: true).sum().backward();

        Assert.Equal(new long[] { 1, 3, 1, 1 }, weight.grad!.shape);
        Assert.Equal(new long[] { 1, 3, 1, 1 }, bias.grad!.shape);
        Assert.Equal(new long[] { 1, 3, 1, 1 }, runningMean.shape);
        Assert.True(allclose(runningMean.reshape(3), x.detach().mean([0, 2, 3]) * 0.1, atol: 1e-6));
    }
}
