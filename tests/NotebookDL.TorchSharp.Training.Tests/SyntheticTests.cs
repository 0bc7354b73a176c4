namespace NotebookDL.TorchSharp.Training.Tests;

/// <summary>The synthetic datasets (shared with the managed engine) on TorchSharp: shapes, labels, seeds.</summary>
public class SyntheticTests
{
    public static TheoryData<string, Func<long?, (Tensor x, Tensor y)>, long, int> Generators => new()
    {
        { "make_blobs", seed => synthetic.make_blobs(n_samples: 90, centers: 3, random_state: seed), 90, 3 },
        { "make_moons", seed => synthetic.make_moons(n_samples: 50, noise: 0.1, random_state: seed), 50, 2 },
        { "make_circles", seed => synthetic.make_circles(n_samples: 40, noise: 0.05, random_state: seed), 40, 2 },
        { "make_spirals", seed => synthetic.make_spirals(n_samples: 60, n_classes: 3, random_state: seed), 60, 3 },
    };

    [Theory]
    [MemberData(nameof(Generators))]
    public void Generator_Seeded_GivesFloatPointsIntLabelsAndRepeats(string name, Func<long?, (Tensor x, Tensor y)> make, long n, int classes)
    {
        TorchSharpNatives.EnsureLoaded();
        var (x, y) = make(7);
        var (x2, y2) = make(7);
        var (x3, _) = make(8);

        Assert.Equal([n, 2L], x.shape);
        Assert.Equal(torch.ScalarType.Float32, x.dtype);
        Assert.Equal(torch.ScalarType.Int64, y.dtype);
        Assert.Equal(Enumerable.Range(0, classes).Select(c => (long)c), y.unique().output.data<long>().ToArray());
        Assert.True(x.eq(x2).all().item<bool>() && y.eq(y2).all().item<bool>(), $"{name}: the same random_state gives the same data");
        Assert.False(x.eq(x3).all().item<bool>(), $"{name}: another random_state gives other data");
    }

    [Fact]
    public void MakeBlobs_NoRandomState_FollowsTorchManualSeed()
    {
        TorchSharpNatives.EnsureLoaded();
        torch.manual_seed(3);
        var (a, _) = synthetic.make_blobs(n_samples: 20);
        torch.manual_seed(3);
        var (b, _) = synthetic.make_blobs(n_samples: 20);
        Assert.True(a.eq(b).all().item<bool>());
    }

    [Fact]
    public void LogicGate_Xor_IsTheTruthTable()
    {
        TorchSharpNatives.EnsureLoaded();
        var (x, y) = synthetic.logic_gate("xor");
        Assert.Equal([0f, 0, 0, 1, 1, 0, 1, 1], x.data<float>().ToArray());
        Assert.Equal([0L, 1, 1, 0], y.data<long>().ToArray());
    }
}
