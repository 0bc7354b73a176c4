using NotebookDL.Modules;
using static NotebookDL.torch;
using static NotebookDL.torch.utils.data;

namespace NotebookDL.Tests.Data;

public class DataLoaderTests
{
    /// <summary>x row i = [i, 100 + i], y i = i, so every batch row says which sample it is.</summary>
    internal static TensorDataset Numbered(int n)
    {
        var x = tensor(Enumerable.Range(0, n).SelectMany(i => new float[] { i, 100 + i }).ToArray(), [n, 2]);
        var y = tensor(Enumerable.Range(0, n).Select(i => (long)i).ToArray());
        return TensorDataset(x, y);
    }

    internal static long[] Order(IterableDataLoader loader) => loader.SelectMany(b => b[1].data<long>()).ToArray();

    [Theory]
    [InlineData(10, 3, false, new[] { 3, 3, 3, 1 })]
    [InlineData(10, 3, true, new[] { 3, 3, 3 })]
    [InlineData(9, 3, false, new[] { 3, 3, 3 })]
    [InlineData(9, 3, true, new[] { 3, 3, 3 })]
    [InlineData(2, 5, false, new[] { 2 })]
    [InlineData(2, 5, true, new int[0])]
    public void DataLoader_BatchSizeAndDropLast_GivesExpectedBatchSizes(int n, int batchSize, bool dropLast, int[] expected)
    {
        var loader = DataLoader(Numbered(n), batchSize, drop_last: dropLast);

        var sizes = loader.Select(b => (int)b[0].shape[0]).ToArray();

        Assert.Equal(expected, sizes);
        Assert.Equal(expected.Length, loader.Count);
    }

    [Fact]
    public void DataLoader_TensorDataset_StacksRowsInOrder()
    {
        var batches = DataLoader(Numbered(5), 2).ToList();

        Assert.Equal(new long[] { 2, 2 }, batches[0][0].shape);
        Assert.Equal(new float[] { 0, 100, 1, 101 }, batches[0][0].data<float>());
        Assert.Equal(new long[] { 4 }, batches[2][1].data<long>());
        Assert.Equal(ScalarType.Int64, batches[0][1].dtype);
    }

    [Fact]
    public void DataLoader_Shuffle_VisitsEverySampleOncePerEpoch()
    {
        var loader = DataLoader(Numbered(23), 4, shuffle: true, seed: 3);

        var epoch1 = Order(loader);
        var epoch2 = Order(loader);

        Assert.Equal(Enumerable.Range(0, 23).Select(i => (long)i), epoch1.Order());
        Assert.Equal(Enumerable.Range(0, 23).Select(i => (long)i), epoch2.Order());
        Assert.NotEqual(epoch1, epoch2);
    }

    [Fact]
    public void DataLoader_SameSeed_GivesSameOrderEveryRun()
    {
        var a = DataLoader(Numbered(50), 8, shuffle: true, seed: 42);
        var b = DataLoader(Numbered(50), 8, shuffle: true, seed: 42);
        var c = DataLoader(Numbered(50), 8, shuffle: true, seed: 43);

        Assert.Equal(Order(a).Concat(Order(a)), Order(b).Concat(Order(b)));
        Assert.NotEqual(Order(new IterableDataLoader(Numbered(50), 8, shuffle: true, seed: 42)), Order(c));
    }

    [Fact]
    public void DataLoader_CustomSampler_UsesItsOrder()
    {
        var loader = DataLoader(Numbered(5), 2, new long[] { 4, 0, 3 });

        Assert.Equal(new long[] { 4, 0, 3 }, Order(loader));
    }

    [Fact]
    public void DataLoader_SamplerOutOfRange_ThrowsClearError()
    {
        var loader = DataLoader(Numbered(5), 2, new long[] { 1, 5 });

        var e = Assert.Throws<InvalidOperationException>(() => loader.ToList());
        Assert.Contains("index 5", e.Message);
        Assert.Contains("5 samples", e.Message);
    }

    [Fact]
    public void DataLoader_GeneralDataset_FallsBackToStacking()
    {
        var ds = new SquaresDataset(7);

        var batches = DataLoader(ds, 3).ToList();

        Assert.Equal(3, batches.Count);
        Assert.Equal(new long[] { 3, 2 }, batches[0]["data"].shape);
        Assert.Equal(new float[] { 6, 36 }, batches[2]["data"].data<float>());
        Assert.Equal(new long[] { 6 }, batches[2]["label"].data<long>());
    }

    [Fact]
    public void DataLoader_SamplesOfDifferentShapes_ThrowsNamingKeyAndShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => DataLoader(new RaggedDataset(), 2).ToList());

        Assert.Contains("'data'", e.Message);
        Assert.Contains("[2]", e.Message);
        Assert.Contains("[3]", e.Message);
    }

    [Fact]
    public void DataLoader_CustomCollate_IsUsedInsteadOfFastPath()
    {
        var calls = 0;
        var loader = new DataLoader<IList<Tensor>, long>(Numbered(6), 4, (samples, _) => { calls++; return samples.Count(); });

        Assert.Equal(new long[] { 4, 2 }, loader.ToArray());
        Assert.Equal(2, calls);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void DataLoader_NonPositiveBatchSize_Throws(int batchSize)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DataLoader(Numbered(3), batchSize));
        Assert.Contains("batchSize", e.Message);
    }

    [Fact]
    public void DataLoader_CudaDevice_ThrowsNotAvailable()
    {
        Assert.Throws<NotSupportedException>(() => DataLoader(Numbered(3), 2, device: CUDA));
    }

    [Fact]
    public void TensorDataset_MismatchedFirstDims_ThrowsWithShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => TensorDataset(zeros(4, 2), zeros(3)));

        Assert.Contains("[4, 2]", e.Message);
        Assert.Contains("[3]", e.Message);
    }

    [Fact]
    public void TensorDataset_Indexer_ReturnsRowsOfEachTensor()
    {
        var ds = Numbered(4);

        var sample = ds[2];

        Assert.Equal(4, ds.Count);
        Assert.Equal(new float[] { 2, 102 }, sample[0].data<float>());
        Assert.Equal(2L, sample[1].item<long>());
        Assert.Throws<ArgumentOutOfRangeException>(() => ds.GetTensor(4));
    }

    [Fact]
    public void TensorDataset_SlicedInput_BatchesFromTheSlice()
    {
        var x = arange(0, 20, dtype: ScalarType.Float32).reshape(10, 2)[5..];
        var ds = TensorDataset(x);

        var first = DataLoader(ds, 2).First();

        Assert.Equal(new float[] { 10, 11, 12, 13 }, first[0].data<float>());
    }

    [Fact]
    public void TensorDataset_BatchFastPath_MatchesStackingGetTensor()
    {
        var ds = Numbered(9);
        var indices = new long[] { 8, 1, 5 };

        var fast = ((IBatchSource<IList<Tensor>>)ds).GetBatch(indices);
        var slow = Collate.Lists(indices.Select(ds.GetTensor).ToList(), CPU);

        Assert.Equal(slow[0].data<float>(), fast[0].data<float>());
        Assert.Equal(slow[1].data<long>(), fast[1].data<long>());
        Assert.Equal(slow[0].shape, fast[0].shape);
    }

    /// <summary>A dataset without a batch fast path: sample i is {"data": [i, i²], "label": i}.</summary>
    private sealed class SquaresDataset(long n) : Dataset
    {
        public override long Count => n;

        public override Dictionary<string, Tensor> GetTensor(long index) => new()
        {
            ["data"] = tensor(new float[] { index, index * index }),
            ["label"] = tensor(index),
        };
    }

    private sealed class RaggedDataset : Dataset
    {
        public override long Count => 2;

        public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["data"] = zeros(index == 0 ? 2 : 3) };
    }
}
