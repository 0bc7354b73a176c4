using static NotebookDL.torch;
using static NotebookDL.torch.nn.init;

namespace NotebookDL.Tests.NN;

[Collection(SeededCollection.Name)]
public class InitTests
{
    public static TheoryData<NonlinearityType, double, double> Gains() => new()
    {
        { NonlinearityType.Linear, 0, 1 },
        { NonlinearityType.Conv2D, 0, 1 },
        { NonlinearityType.Sigmoid, 0, 1 },
        { NonlinearityType.Tanh, 0, 5.0 / 3 },
        { NonlinearityType.ReLU, 0, 1.4142135623730951 },
        { NonlinearityType.LeakyReLU, 0, 1.4142135623730951 },
        { NonlinearityType.LeakyReLU, 0.2, 1.3867504905630728 },
    };

    [Theory]
    [MemberData(nameof(Gains))]
    public void CalculateGain_Nonlinearity_MatchesPyTorch(NonlinearityType nonlinearity, double param, double expected)
    {
        Assert.Equal(expected, calculate_gain(nonlinearity, param), 12);
    }

    [Fact]
    public void CalculateFanInAndFanOut_ConvWeight_MultipliesByKernelArea()
    {
        Assert.Equal((75L, 400L), CalculateFanInAndFanOut(empty([16, 3, 5, 5])));
        Assert.Equal((784L, 512L), CalculateFanInAndFanOut(empty([512, 784])));
        Assert.Contains("fewer than 2 dimensions", Assert.Throws<ArgumentException>(() => CalculateFanInAndFanOut(empty([5]))).Message);
    }

    public static TheoryData<string, double> UniformBounds() => new()
    {
        { "kaiming_uniform_", Math.Sqrt(6.0 / 200) },
        { "kaiming_uniform_ fan_out relu", Math.Sqrt(6.0 / 300) },
        { "xavier_uniform_", Math.Sqrt(6.0 / 500) },
        { "xavier_uniform_ gain 2", 2 * Math.Sqrt(6.0 / 500) },
        { "uniform_ -0.3..0.3", 0.3 },
    };

    [Theory]
    [MemberData(nameof(UniformBounds))]
    public void UniformInitializers_Weight_FillUpToTheirBound(string init, double bound)
    {
        manual_seed(2);
        var w = empty([300, 200]);
        _ = init switch
        {
            "kaiming_uniform_" => kaiming_uniform_(w),
            "kaiming_uniform_ fan_out relu" => kaiming_uniform_(w, mode: FanInOut.FanOut, nonlinearity: NonlinearityType.ReLU),
            "xavier_uniform_" => xavier_uniform_(w),
            "xavier_uniform_ gain 2" => xavier_uniform_(w, gain: 2),
            _ => uniform_(w, -0.3, 0.3),
        };
        var values = w.data<float>();
        Assert.InRange(values.Max(v => Math.Abs(v)), 0.99 * bound, bound);
        Assert.InRange(values.Average(v => (double)v), -0.01 * bound, 0.01 * bound);
    }

    public static TheoryData<string, double> NormalStds() => new()
    {
        { "kaiming_normal_", Math.Sqrt(2.0 / 200) },
        { "xavier_normal_", Math.Sqrt(2.0 / 500) },
        { "normal_ std 0.5", 0.5 },
    };

    [Theory]
    [MemberData(nameof(NormalStds))]
    public void NormalInitializers_Weight_HaveExpectedStd(string init, double std)
    {
        manual_seed(3);
        var w = empty([300, 200]);
        _ = init switch
        {
            "kaiming_normal_" => kaiming_normal_(w),
            "xavier_normal_" => xavier_normal_(w),
            _ => normal_(w, 0, 0.5),
        };
        Assert.Equal(std, w.std().item<float>(), std * 0.02);
        Assert.Equal(0, w.mean().item<float>(), std * 0.02);
    }

    [Fact]
    public void ConstantInitializers_Tensor_FillExactly()
    {
        var w = empty([2, 3]);
        Assert.True(constant_(w, 0.25).Equals(full([2, 3], 0.25)));
        Assert.True(zeros_(w).Equals(zeros(2, 3)));
        Assert.True(ones_(w).Equals(ones(2, 3)));
    }

    [Fact]
    public void Initializers_SameSeed_SameValues()
    {
        manual_seed(77);
        var a = xavier_uniform_(empty([4, 5]));
        manual_seed(77);
        var b = xavier_uniform_(empty([4, 5]));
        Assert.True(a.Equals(b));
        Assert.False(a.Equals(xavier_uniform_(empty([4, 5]))));
    }

    [Fact]
    public void Initializers_ParameterRequiringGrad_UpdateInPlaceWithoutGraph()
    {
        var p = nn.Parameter(zeros(3, 4));
        var storageView = p.detach();
        var result = kaiming_normal_(p);
        Assert.Same(p, result);
        Assert.True(p.is_leaf && p.requires_grad);
        Assert.True(storageView.Equals(p.detach()));
        Assert.True(p.abs().sum().item<float>() > 0);
    }
}
