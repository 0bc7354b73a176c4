using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

/// <summary>Values far into the tails, where a naive formula overflows or rounds to 0 (references from PyTorch 1.13).</summary>
public class NumericsTests
{
    [Theory]
    [InlineData(-20f, 2.0611537e-09f)]
    [InlineData(-80f, 1.8048514e-35f)]
    [InlineData(20f, 1f)]
    [InlineData(0f, 0.5f)]
    public void Sigmoid_Tails_FullRelativePrecision(float x, float expected)
    {
        var y = tensor(x).sigmoid().item<float>();

        Assert.Equal(expected, y, expected * 1e-5f);
    }

    [Fact]
    public void LogOfSigmoid_FarNegative_Finite()
    {
        var y = tensor(-30f).sigmoid().log().item<float>();

        Assert.Equal(-30f, y, 1e-4f);
    }

    [Fact]
    public void Softmax_LargeInputs_NoOverflow()
    {
        var y = nn.functional.softmax(tensor(new float[] { 1000, 1001, 1002 }), 0).data<float>();

        Assert.Equal(0.09003057, y[0], 1e-6);
        Assert.Equal(0.24472848, y[1], 1e-6);
        Assert.Equal(0.66524094, y[2], 1e-6);
    }

    [Fact]
    public void LogSoftmax_LargeGap_NoNegativeInfinity()
    {
        var y = nn.functional.log_softmax(tensor(new float[] { 0, 200 }), 0).data<float>();

        Assert.Equal([-200f, 0f], y);
    }

    [Fact]
    public void Logsumexp_LargeInputs_Finite()
    {
        var y = tensor(new float[] { 1000, 1000 }).logsumexp(0).item<float>();

        Assert.Equal(1000.6931f, y, 1e-3f);
    }

    [Fact]
    public void Split_NonPositiveSize_Throws()
    {
        Assert.Throws<ArgumentException>(() => zeros(4).split(0));
    }

    [Fact]
    public void Cat_ZeroDimTensors_ClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => cat([tensor(1f), tensor(2f)]));

        Assert.Contains("zero-dimensional", error.Message);
    }
}
