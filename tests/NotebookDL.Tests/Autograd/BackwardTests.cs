using static NotebookDL.torch;

namespace NotebookDL.Tests.Autograd;

public class BackwardTests
{
    private static Tensor Leaf(params float[] values) => tensor(values, requires_grad: true);

    [Fact]
    public void Backward_TwoCalls_GradientsAccumulate()
    {
        var x = Leaf(1, 2, 3);

        (x * 2).sum().backward();
        (x * x).sum().backward();

        Assert.Equal([4f, 6, 8], x.grad!.data<float>());
    }

    [Fact]
    public void ZeroGrad_AfterBackward_FreshGradientNextTime()
    {
        var x = Leaf(1, 2);
        (x * 3).sum().backward();

        x.zero_grad();
        Assert.Null(x.grad);
        (x * 5).sum().backward();

        Assert.Equal([5f, 5], x.grad!.data<float>());
    }

    [Fact]
    public void Backward_WithoutRetainGraph_SecondCallMentionsRetainGraph()
    {
        var x = Leaf(1, 2);
        var y = (x * x).sum();
        y.backward();

        var error = Assert.Throws<InvalidOperationException>(() => y.backward());

        Assert.Contains("retain_graph", error.Message);
    }

    [Fact]
    public void Backward_RetainGraph_SecondCallDoublesGrad()
    {
        var x = Leaf(1, 2);
        var y = (x * x).exp().sum();
        y.backward(retain_graph: true);
        var once = x.grad!.data<float>();

        y.backward();

        Assert.Equal(once.Select(v => 2 * v), x.grad!.data<float>());
    }

    [Fact]
    public void Backward_NonScalarWithoutGradient_ClearError()
    {
        var y = Leaf(1, 2) * 2;

        var error = Assert.Throws<InvalidOperationException>(() => y.backward());

        Assert.Contains("scalar", error.Message);
        Assert.Contains("[2]", error.Message);
    }

    [Fact]
    public void Backward_ExplicitGradient_VectorJacobianProduct()
    {
        var x = Leaf(1, 2, 3);

        (x * x).backward(tensor(new float[] { 1, 0.5f, -1 }));

        Assert.Equal([2f, 2, -6], x.grad!.data<float>());
    }

    [Fact]
    public void Backward_GradientWrongShape_Throws()
    {
        var y = Leaf(1, 2) * 2;

        Assert.Throws<ArgumentException>(() => y.backward(ones(3)));
    }

    [Fact]
    public void Backward_OutputWithoutGrad_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ones(2).sum().backward());

        Assert.Contains("requires_grad", error.Message);
    }

    [Fact]
    public void Backward_DiamondGraph_SumsBothPaths()
    {
        var x = Leaf(1, -2, 0.5f);
        var a = x * 2;
        var b = x * 3;

        (a * b).sum().backward(); // y = 6x², dy/dx = 12x

        Assert.Equal([12f, -24, 6], x.grad!.data<float>());
    }

    [Fact]
    public void Backward_SameTensorBothOperands_CountsTwice()
    {
        var x = Leaf(3);

        (x * x).backward();

        Assert.Equal(6f, x.grad!.item<float>());
    }

    [Fact]
    public void Backward_TwoLeavesSameGradient_PrivateCopies()
    {
        var a = Leaf(1, 2);
        var b = Leaf(3, 4);
        (a + b).sum().backward();

        a.grad!.add_(10.0);

        Assert.Equal([1f, 1], b.grad!.data<float>());
    }

    [Fact]
    public void Backward_BroadcastLeaf_GradSummedToLeafShape()
    {
        var bias = Leaf(0, 0, 0);

        (ones(4, 3) * 2 + bias).sum().backward();

        Assert.Equal([4f, 4, 4], bias.grad!.data<float>());
    }

    [Fact]
    public void Backward_NonLeaf_GradStaysNull()
    {
        var x = Leaf(1, 2);
        var hidden = x * 2;

        hidden.sum().backward();

        Assert.Null(hidden.grad);
        Assert.False(hidden.is_leaf);
        Assert.True(x.is_leaf);
    }

    [Fact]
    public void AutogradGrad_ReturnsGradients_LeavesGradUntouched()
    {
        var x = Leaf(1, 2);
        var w = Leaf(3, 4);

        var grads = autograd.grad([(x * w).sum()], [x, w]);

        Assert.Equal([3f, 4], grads[0]!.data<float>());
        Assert.Equal([1f, 2], grads[1]!.data<float>());
        Assert.Null(x.grad);
        Assert.Null(w.grad);
    }

    [Fact]
    public void AutogradGrad_UnusedInput_ThrowsUnlessAllowed()
    {
        var x = Leaf(1, 2);
        var unused = Leaf(5);

        Assert.Throws<InvalidOperationException>(() => autograd.grad([(x * 2).sum()], [x, unused]));
        var grads = autograd.grad([(x * 2).sum()], [x, unused], allow_unused: true);
        Assert.Null(grads[1]);
    }

    [Fact]
    public void AutogradGrad_NonLeafInput_GradientAtThatNode()
    {
        var x = Leaf(1, 2);
        var h = x * 3;

        var grads = autograd.grad([(h * h).sum()], [h]);

        Assert.Equal([6f, 12], grads[0]!.data<float>());
    }

    [Fact]
    public void AutogradGrad_CreateGraph_SecondDerivative()
    {
        var x = Leaf(1, 2);

        var first = autograd.grad([x.pow(3).sum()], [x], create_graph: true)[0]!;
        first.sum().backward();

        Assert.Equal([3f, 12], first.detach().data<float>());
        Assert.Equal([6f, 12], x.grad!.data<float>());
    }

    [Fact]
    public void GradFn_Names_LikePyTorch()
    {
        var x = Leaf(1, 2);

        Assert.Null(x.grad_fn);
        Assert.Equal("AddBackward0", (x + 1).grad_fn!.name());
        Assert.Equal("MulBackward0", (x * x).grad_fn!.name());
        Assert.Equal("SigmoidBackward0", x.sigmoid().grad_fn!.name());
        Assert.Equal("SumBackward0", x.sum().grad_fn!.name());
    }

    [Fact]
    public void RetainGrad_NonLeaf_HoldsTheSummedGradientAfterBackward()
    {
        var x = tensor(new float[] { 1, 2, 3 }, requires_grad: true);
        var h = x * 2;
        h.retain_grad();
        var y = (h * h).sum() + h.sum(); // dy/dh = 2h + 1, reached through two paths

        y.backward();

        Assert.True(h.retains_grad);
        Assert.Equal([5f, 9f, 13f], h.grad!.ToArray<float>());
        Assert.Equal([10f, 18f, 26f], x.grad!.ToArray<float>());
    }

    [Fact]
    public void RetainGrad_NotCalled_NonLeafGradStaysNull()
    {
        var x = tensor(new float[] { 1, 2 }, requires_grad: true);
        var h = x * 3;

        h.sum().backward();

        Assert.Null(h.grad);
    }

    [Fact]
    public void RetainGrad_TensorOutsideAutograd_IsAClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ones(2).retain_grad());
        Assert.Contains("requires grad", error.Message);
    }

    [Theory]
    [InlineData(0.5, 0.5204998778)]
    [InlineData(1.0, 0.8427007929)]
    [InlineData(-2.0, -0.9953222650)]
    [InlineData(0.0, 0.0)]
    public void Erf_KnownValues_MatchTheTable(double x, double expected) =>
        Assert.Equal(expected, tensor(new[] { (float)x }).erf().item<float>(), 6);
}
