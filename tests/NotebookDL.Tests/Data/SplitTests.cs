using NotebookDL.Modules;
using static NotebookDL.torch;
using static NotebookDL.torch.utils.data;

namespace NotebookDL.Tests.Data;

public class SplitTests
{
    [Theory]
    [InlineData(10, new long[] { 7, 3 })]
    [InlineData(10, new long[] { 10, 0 })]
    [InlineData(11, new long[] { 4, 4, 3 })]
    public void RandomSplit_Lengths_GivesDisjointSubsetsCoveringTheDataset(int n, long[] lengths)
    {
        var parts = random_split(DataLoaderTests.Numbered(n), lengths, new Generator(1));

        Assert.Equal(lengths, parts.Select(p => p.Count));
        var all = parts.SelectMany(p => p.indices).ToList();
        Assert.Equal(n, all.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, n).Select(i => (long)i), all.Order());
    }

    [Fact]
    public void RandomSplit_Fractions_RoundsDownAndHandsOutRemainder()
    {
        var parts = random_split(DataLoaderTests.Numbered(10), [0.25, 0.25, 0.5], new Generator(0));

        // floor gives 2, 2, 5; the 1 left over goes to the first subset, as PyTorch does.
        Assert.Equal(new long[] { 3, 2, 5 }, parts.Select(p => p.Count));
    }

    [Fact]
    public void RandomSplit_SameGenerator_IsReproducible()
    {
        var a = random_split(DataLoaderTests.Numbered(20), [15L, 5L], new Generator(9));
        var b = random_split(DataLoaderTests.Numbered(20), [15L, 5L], new Generator(9));

        Assert.Equal(a[1].indices, b[1].indices);
    }

    [Theory]
    [InlineData(new long[] { 5, 4 })]
    [InlineData(new long[] { 11, -1 })]
    public void RandomSplit_BadLengths_ThrowsWithTheNumbers(long[] lengths)
    {
        var e = Assert.Throws<ArgumentException>(() => random_split(DataLoaderTests.Numbered(10), lengths));
        Assert.Contains(string.Join(", ", lengths), e.Message);
    }

    [Fact]
    public void RandomSplit_SubsetsLoadThroughDataLoader()
    {
        var parts = random_split(DataLoaderTests.Numbered(10), [6L, 4L], new Generator(2));

        var labels = DataLoader(parts[1], 3).SelectMany(b => b[1].data<long>()).ToArray();

        Assert.Equal(parts[1].indices, labels);
    }

    [Fact]
    public void TrainValidationSplit_HoldsOutTheFirstSamples()
    {
        var (train, valid) = train_validation_split(DataLoaderTests.Numbered(12), validation: 5);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => (long)i), valid.indices);
        Assert.Equal(Enumerable.Range(5, 7).Select(i => (long)i), train.indices);
        Assert.Equal(5L, train.GetTensor(0)[1].item<long>());
    }

    [Fact]
    public void TrainValidationSplit_MoreThanTheDataset_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => train_validation_split(DataLoaderTests.Numbered(3), validation: 5));
        Assert.Contains("5", e.Message);
    }

    [Fact]
    public void Subset_IndexOutOfRange_ThrowsWithIndex()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Subset(DataLoaderTests.Numbered(3), [0, 3]));
        Assert.Contains("indices[1] = 3", e.Message);
    }

    [Fact]
    public void ToCategorical_Labels_GivesOneHotRows()
    {
        var onehot = to_categorical(tensor(new long[] { 2, 0, 1 }), 4);

        Assert.Equal(new long[] { 3, 4 }, onehot.shape);
        Assert.Equal(new float[] { 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0 }, onehot.data<float>());
    }

    [Fact]
    public void ToCategorical_NoClassCount_InfersMaxPlusOne()
    {
        Assert.Equal(new long[] { 2, 3 }, to_categorical(tensor(new long[] { 2, 1 })).shape);
    }

    [Theory]
    [InlineData(new long[] { 0, 4 }, 3, "label 4")]
    [InlineData(new long[] { -1 }, 3, "label -1")]
    public void ToCategorical_LabelOutOfRange_ThrowsNamingIt(long[] labels, long classes, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => to_categorical(tensor(labels), classes));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void ChannelMeanStd_Tensor_MatchesPopulationStatistics()
    {
        // Channel 0 holds 0, 1, 2, 3 over two images; channel 1 holds 10 everywhere.
        var images = tensor(new float[] { 0, 1, 10, 10, 2, 3, 10, 10 }, [2, 2, 1, 2]);

        var (mean, std) = channel_mean_std(images);

        Assert.Equal(1.5, mean[0], 12);
        Assert.Equal(Math.Sqrt(1.25), std[0], 12);
        Assert.Equal(10, mean[1], 12);
        Assert.Equal(0, std[1], 12);
    }

    [Fact]
    public void ChannelMeanStd_GeneralDataset_UsesItsImages()
    {
        var x = tensor(new float[] { 0, 1, 10, 10, 2, 3, 10, 10 }, [2, 2, 1, 2]);
        var ds = new ImagesDataset(x);

        var (mean, std) = channel_mean_std(ds);

        Assert.Equal(new[] { 1.5, 10 }, mean.Select(m => Math.Round(m, 9)));
        Assert.Equal(Math.Sqrt(1.25), std[0], 9);
    }

    private sealed class ImagesDataset(Tensor images) : Dataset
    {
        public override long Count => images.shape[0];

        public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["data"] = images[index] };
    }
}
