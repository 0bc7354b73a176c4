using static NotebookDL.torch;

namespace NotebookDL.Tests.Autograd;

public class GradModeTests
{
    [Fact]
    public void NoGrad_Inside_ResultsHaveNoGraph()
    {
        var x = ones(2, requires_grad: true);

        Tensor y;
        using (no_grad()) y = x * 2;

        Assert.False(y.requires_grad);
        Assert.Null(y.grad_fn);
        Assert.True((x * 2).requires_grad);
    }

    [Fact]
    public void NoGrad_Nested_RestoresPreviousMode()
    {
        Assert.True(is_grad_enabled());
        using (no_grad())
        {
            Assert.False(is_grad_enabled());
            using (enable_grad())
            {
                Assert.True(is_grad_enabled());
                using (no_grad()) Assert.False(is_grad_enabled());
                Assert.True(is_grad_enabled());
            }
            using (no_grad()) Assert.False(is_grad_enabled());
            Assert.False(is_grad_enabled());
        }
        Assert.True(is_grad_enabled());
    }

    [Fact]
    public void GradModeScope_DisposedTwice_RestoresOnce()
    {
        var outer = no_grad();
        var inner = enable_grad();
        inner.Dispose();
        inner.Dispose();

        Assert.False(is_grad_enabled());
        outer.Dispose();
        Assert.True(is_grad_enabled());
    }

    [Fact]
    public void SetGradEnabled_False_DisablesRecording()
    {
        var x = ones(2, requires_grad: true);

        using (set_grad_enabled(false)) Assert.False((x + 1).requires_grad);

        Assert.True((x + 1).requires_grad);
    }

    [Fact]
    public void Detach_SharesStorageWithoutGraph()
    {
        var x = tensor(new float[] { 1, 2 }, requires_grad: true);
        var y = x * 2;

        var d = y.detach();
        d[0] = tensor(9f);

        Assert.False(d.requires_grad);
        Assert.Null(d.grad_fn);
        Assert.Equal(9f, y[0].item<float>());
    }

    [Fact]
    public void Detach_UsedInExpression_NoGradientThroughIt()
    {
        var x = tensor(new float[] { 2, 3 }, requires_grad: true);

        (x.detach() * x).sum().backward();

        Assert.Equal([2f, 3], x.grad!.data<float>());
    }

    [Fact]
    public void RequiresGrad_IntTensor_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => arange(3).requires_grad_());

        Assert.Contains("floating point", error.Message);
        Assert.Throws<InvalidOperationException>(() => zeros(2, dtype: int64, requires_grad: true));
    }

    [Fact]
    public void RequiresGradFalse_NonLeaf_Throws()
    {
        var y = ones(2, requires_grad: true) * 2;

        Assert.Throws<InvalidOperationException>(() => y.requires_grad = false);
    }

    public static TheoryData<string> InPlaceOps() => new(["add_", "mul_", "fill_", "zero_", "copy_", "index", "clamp_"]);

    [Theory]
    [MemberData(nameof(InPlaceOps))]
    public void InPlace_LeafRequiringGrad_ThrowsMentioningNoGrad(string op)
    {
        var w = ones(3, requires_grad: true);

        var error = Assert.ThrowsAny<InvalidOperationException>(() => ApplyInPlace(w, op));

        Assert.Contains("no_grad", error.Message);
    }

    [Theory]
    [MemberData(nameof(InPlaceOps))]
    public void InPlace_LeafUnderNoGrad_Allowed(string op)
    {
        var w = ones(3, requires_grad: true);

        using (no_grad()) ApplyInPlace(w, op);

        Assert.True(w.requires_grad);
        Assert.True(w.is_leaf);
    }

    private static void ApplyInPlace(Tensor w, string op)
    {
        switch (op)
        {
            case "add_": w.add_(ones(3)); break;
            case "mul_": w.mul_(2.0); break;
            case "fill_": w.fill_(0); break;
            case "zero_": w.zero_(); break;
            case "copy_": w.copy_(zeros(3)); break;
            case "index": w[0] = tensor(2f); break;
            case "clamp_": w.clamp_(0, 0.5); break;
        }
    }

    [Fact]
    public void InPlace_OptimizerStyleUpdate_ChangesLeafValues()
    {
        var w = tensor(new float[] { 1, 2 }, requires_grad: true);
        (w * w).sum().backward();

        using (no_grad()) w.sub_(w.grad! * 0.5);

        Assert.Equal([0f, 0], w.data<float>());
        Assert.Null(w.grad_fn);
    }
}
