using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

// The default generator is process-wide: run alone so no parallel test draws between the seed and the check.
[CollectionDefinition(nameof(ManualSeedTests), DisableParallelization = true)]
public class ManualSeedTestsCollection;

[Collection(nameof(ManualSeedTests))]
public class ManualSeedTests
{
    [Fact]
    public void ManualSeed_Reseeded_RepeatsDraws()
    {
        manual_seed(42);
        var a = randn(1000).data<float>();
        var ia = randint(0, 100, [50]).data<long>();
        var pa = randperm(20).data<long>();
        manual_seed(42);
        var b = randn(1000).data<float>();
        var ib = randint(0, 100, [50]).data<long>();
        var pb = randperm(20).data<long>();

        Assert.Equal(a, b);
        Assert.Equal(ia, ib);
        Assert.Equal(pa, pb);
    }

    [Fact]
    public void ManualSeed_DifferentSeeds_DifferentDraws()
    {
        manual_seed(1);
        var a = rand(100).data<float>();
        manual_seed(2);
        var b = rand(100).data<float>();

        Assert.NotEqual(a, b);
        Assert.Equal(2, initial_seed());
    }
}
