using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

/// <summary>
/// pow with a tensor exponent. It used to be exp(b·log a), NaN for every negative base; libtorch (through TorchSharp, in
/// NotebookDL.TorchSharp.Tests) computes C's pow: (-2)^2 = 4, (-2)^3 = -8, (-2)^0.5 = NaN.
/// </summary>
public class PowTensorExponentTests
{
    [Fact]
    public void Pow_NegativeBaseIntegralExponent_MatchesCPow()
    {
        var y = tensor(new[] { -2f, -2f, -3f, 0f, 2f }).pow(tensor(new[] { 2f, 3f, 0f, 2f, -1f }));

        Assert.Equal([4f, -8f, 1f, 0f, 0.5f], y.data<float>());
    }

    [Fact]
    public void Pow_NegativeBaseFractionalExponent_IsNaN()
    {
        var y = tensor(new[] { -2f }).pow(tensor(new[] { 0.5f }));

        Assert.True(float.IsNaN(y.item<float>()));
    }

    [Fact]
    public void Pow_NegativeBaseBackward_GradOfBaseIsExponentTimesPower()
    {
        var a = tensor(new[] { -2f, -1.5f }, requires_grad: true);
        var b = tensor(new[] { 3f, 2f });

        a.pow(b).sum().backward();

        // d/da a^b = b·a^(b−1): 3·(−2)² = 12, 2·(−1.5) = −3.
        Assert.Equal([12f, -3f], a.grad!.data<float>());
    }

    [Fact]
    public void Pow_BroadcastExponent_SumsExponentGradient()
    {
        var a = tensor(new[] { 1f, 2f, 3f, 4f }, [2, 2], requires_grad: true);
        var b = tensor(new[] { 2f }, requires_grad: true);

        var y = a.pow(b);
        y.sum().backward();

        Assert.Equal([1f, 4f, 9f, 16f], y.data<float>());
        // d/db Σ a^b = Σ a^b·ln a.
        double expected = 4 * Math.Log(2) + 9 * Math.Log(3) + 16 * Math.Log(4);
        Assert.Equal(expected, b.grad!.item<float>(), 4);
    }

    [Fact]
    public void Pow_ZeroExponentAtZeroBase_GradsAreFinite()
    {
        var a = tensor(new[] { 0f }, requires_grad: true);
        var b = tensor(new[] { 0f }, requires_grad: true);

        var y = a.pow(b);
        y.backward(ones_like(y));

        Assert.Equal(1f, y.item<float>());
        Assert.Equal(0f, a.grad!.item<float>());
        Assert.Equal(0f, b.grad!.item<float>());
    }
}
