using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

public class TensorExtrasTests
{
    [Fact]
    public void SinCos_KnownAngles_MatchMath()
    {
        var x = tensor(new float[] { 0, (float)(Math.PI / 2), (float)Math.PI });
        Assert.Equal([0f, 1f, 0f], x.sin().ToArray<float>().Select(v => MathF.Round(v, 6)).ToArray());
        Assert.Equal([1f, 0f, -1f], x.cos().ToArray<float>().Select(v => MathF.Round(v, 6) + 0f).ToArray());
    }

    [Fact]
    public void Repeat_TilesAlongEachDimAndAddsLeadingDims()
    {
        var x = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);

        var tiled = x.repeat(2, 3);
        var stacked = x.repeat(2, 1, 1);

        Assert.Equal([4L, 6L], tiled.shape);
        Assert.Equal([1f, 2f, 1f, 2f, 1f, 2f], tiled[0].ToArray<float>());
        Assert.Equal([1f, 2f, 1f, 2f, 1f, 2f], tiled[2].ToArray<float>());
        Assert.Equal([2L, 2L, 2L], stacked.shape);
        Assert.Throws<ArgumentException>(() => x.repeat(2));
    }

    [Fact]
    public void Flip_ReversesTheGivenDims()
    {
        var x = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        Assert.Equal([3f, 2f, 1f, 6f, 5f, 4f], x.flip(1).ToArray<float>());
        Assert.Equal([6f, 5f, 4f, 3f, 2f, 1f], flip(x, 0, 1).ToArray<float>());
    }

    [Fact]
    public void Nonzero_ReturnsOneIndexRowPerNonZeroElement()
    {
        var x = tensor(new float[] { 0, 5, 0, 0, 0, 7 }, [2, 3]);

        var indices = x.nonzero();

        Assert.Equal([2L, 2L], indices.shape);
        Assert.Equal([0L, 1L, 1L, 2L], indices.ToArray<long>());
    }

    [Fact]
    public void Norm_EuclideanAndPNorms()
    {
        var x = tensor(new float[] { 3, -4 });
        Assert.Equal(5f, x.norm().item<float>(), 5);
        Assert.Equal(7f, x.norm(p: 1).item<float>(), 5);
        Assert.Equal([3f, 4f], tensor(new float[] { 3, -4 }, [1, 2]).norm(0).ToArray<float>());
    }

    [Fact]
    public void Equal_SameShapeAndValuesOnly()
    {
        Assert.True(equal(ones(2, 2), ones(2, 2)));
        Assert.False(equal(ones(2, 2), ones(4)));
        Assert.False(ones(2).equal(tensor(new float[] { 1, 2 })));
    }

    [Fact]
    public void Bernoulli_ZeroAndOneProbabilities_AreDeterministicAndBadOnesRefused()
    {
        Assert.Equal([0f, 1f, 1f], bernoulli(tensor(new float[] { 0, 1, 1 })).ToArray<float>());
        var g = new Generator(7);
        var mean = bernoulli(full([10000], 0.3f), g).mean().item<float>();
        Assert.InRange(mean, 0.27f, 0.33f);
        Assert.Throws<ArgumentException>(() => bernoulli(tensor(new float[] { 1.5f })));
    }

    [Fact]
    public void BoolMask_OverLeadingDims_SelectsAndAssignsRows()
    {
        var x = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [3, 2]);
        var mask = tensor(new float[] { 1, 0, 1 }).to(ScalarType.Bool);

        var rows = x[mask];
        x[mask] = zeros(2, 2);

        Assert.Equal([2L, 2L], rows.shape);
        Assert.Equal([1f, 2f, 5f, 6f], rows.ToArray<float>());
        Assert.Equal([0f, 0f, 3f, 4f, 0f, 0f], x.ToArray<float>());
        var error = Assert.Throws<ArgumentException>(() => x[tensor(new float[] { 1, 0 }).to(ScalarType.Bool)]);
        Assert.Contains("leading dimensions", error.Message);
    }
}

public class LongReductionTests
{
    [Fact]
    public void Mean_TenMillionValues_StaysAccurate()
    {
        var x = full([10_000_000], 0.1f);

        Assert.Equal(0.1, x.mean().item<float>(), 6);
        Assert.Equal(0.0, x.var().item<float>(), 6);
    }

    [Fact]
    public void Sum_AlongALongOuterAxis_StaysAccurate()
    {
        var x = full([200_000, 3], 0.1f);

        Assert.All(x.sum(0).ToArray<float>(), v => Assert.Equal(20_000.0, v, 1));
    }
}

public class RoundingAndLogicTests
{
    [Fact]
    public void RoundFloorCeil_FollowTorch()
    {
        var x = tensor(new float[] { -1.5f, -0.5f, 0.5f, 1.5f, 2.7f });
        Assert.Equal([-2f, 0f, 0f, 2f, 3f], x.round().ToArray<float>().Select(v => v + 0f).ToArray());
        Assert.Equal([-2f, -1f, 0f, 1f, 2f], x.floor().ToArray<float>());
        Assert.Equal([-1f, 0f, 1f, 2f, 3f], x.ceil().ToArray<float>().Select(v => v + 0f).ToArray());
    }

    [Fact]
    public void AndOrNot_OnBoolTensors()
    {
        var a = tensor(new float[] { 1, 1, 0, 0 }).to(ScalarType.Bool);
        var b = tensor(new float[] { 1, 0, 1, 0 }).to(ScalarType.Bool);
        Assert.Equal([true, false, false, false], (a & b).ToArray<bool>());
        Assert.Equal([true, true, true, false], (a | b).ToArray<bool>());
        Assert.Equal([false, false, true, true], a.logical_not().ToArray<bool>());
    }
}
