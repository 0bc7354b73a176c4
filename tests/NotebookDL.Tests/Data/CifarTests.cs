using NotebookDL.Modules;
using static NotebookDL.torch;
using static NotebookDL.torch.utils.data;

namespace NotebookDL.Tests.Data;

public class CifarTests : IDisposable
{
    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    private string Root => Path.Combine(dir.Path, "root");

    private CIFAR10 Load(bool train, bool first1000 = false, DataSource? source = null) =>
        new(Root, train, false, null, null, first1000, source ?? DataFixtures.Unverified(KnownSources.Cifar10),
            DataFixtures.Unverified(KnownSources.Cifar10TestFirst1000), DataFixtures.Isolated(Path.Combine(dir.Path, "cache")));

    private void WritePartial(int records)
    {
        var folder = dir.Sub("root", "cifar-10-test-partial");
        File.WriteAllBytes(Path.Combine(folder, "test_batch_first1000.bin"), DataFixtures.CifarBatch(DataFixtures.CifarTestLabels[..records], 100));
    }

    [Fact]
    public void CIFAR10_Train_ReadsAllFiveBatchesInOrder()
    {
        DataFixtures.WriteCifar(Path.Combine(Root, "cifar-10-batches-bin"));

        var ds = Load(train: true);

        Assert.Equal(10, ds.Count);
        Assert.Equal(DataFixtures.CifarTrainLabels.Select(b => (long)b), ds.targets.data<long>());
        var sample = ds.GetTensor(7);
        Assert.Equal(new long[] { 3, 32, 32 }, sample["data"].shape);
        Assert.Equal(DataFixtures.ExpectedImage(7, 3072), sample["data"].data<float>());
        Assert.Equal(7L, sample["label"].item<long>());
        Assert.Equal("CIFAR-10 training set", ds.description);
        Assert.Equal("frog", ds.classes[6]);
    }

    [Fact]
    public void CIFAR10_Test_ReadsTestBatch()
    {
        DataFixtures.WriteCifar(Path.Combine(Root, "cifar-10-batches-bin"));

        var ds = Load(train: false);

        Assert.Equal(new long[] { 3, 8, 8 }, ds.targets.data<long>());
        Assert.Equal(DataFixtures.ExpectedImage(101, 3072), ds.GetTensor(1)["data"].data<float>());
        Assert.Equal("CIFAR-10 test set", ds.description);
    }

    [Fact]
    public void CIFAR10_DataLoader_CopiesPlanesIntoBatches()
    {
        DataFixtures.WriteCifar(Path.Combine(Root, "cifar-10-batches-bin"));
        var ds = Load(train: true);

        var batches = DataLoader(ds, 4, shuffle: true, seed: 1).ToList();

        Assert.Equal(new long[] { 4, 3, 32, 32 }, batches[0]["data"].shape);
        Assert.Equal(new long[] { 2, 3, 32, 32 }, batches[2]["data"].shape);
        var first = batches[0]["label"].data<long>()[0];
        var index = Enumerable.Range(0, 10).Single(i => DataFixtures.ExpectedImage(i, 3072).SequenceEqual(batches[0]["data"][0].data<float>()));
        Assert.Equal(DataFixtures.CifarTrainLabels[index], first);
    }

    [Fact]
    public void CIFAR10_OnlyPartialTestFile_ErrorPointsToFirst1000Option()
    {
        DataFixtures.WriteCifar(Path.Combine(Root, "cifar-10-batches-bin"), withTest: false);
        WritePartial(3);

        var e = Assert.Throws<FileNotFoundException>(() => Load(train: false));

        Assert.Contains("first_1000_test: true", e.Message);
        Assert.Contains("first 1,000 CIFAR-10 test images", e.Message);
        Assert.Contains("test_batch_first1000.bin", e.Message);
    }

    [Fact]
    public void CIFAR10_First1000Option_LoadsThePartialFile()
    {
        WritePartial(3);

        var ds = Load(train: false, first1000: true);

        Assert.Equal(new long[] { 3, 8, 8 }, ds.targets.data<long>());
        Assert.Equal(Path.Combine(Root, "cifar-10-test-partial"), ds.root);
        Assert.Equal("first 3 CIFAR-10 test images", ds.description);
    }

    [Fact]
    public void CIFAR10_First1000OptionWithFullTestBatch_TakesItsFirstRecords()
    {
        DataFixtures.WriteCifar(Path.Combine(Root, "cifar-10-batches-bin"));

        var ds = Load(train: false, first1000: true);

        Assert.Equal(3, ds.Count);
        Assert.StartsWith("first ", ds.description);
    }

    [Fact]
    public void CIFAR10_First1000OptionOnTrain_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Load(train: true, first1000: true));
        Assert.Contains("train: false", e.Message);
    }

    [Theory]
    [InlineData(5, "whole number")]
    [InlineData(0, "whole number")]
    public void CIFAR10_WrongFileLength_ErrorNamesFile(int cut, string expected)
    {
        var folder = Path.Combine(Root, "cifar-10-batches-bin");
        DataFixtures.WriteCifar(folder);
        var path = Path.Combine(folder, "data_batch_3.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..(cut == 0 ? 0 : 3073 + cut)]);

        var e = Assert.Throws<InvalidDataException>(() => Load(train: true));

        Assert.Contains(path, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void CIFAR10_LabelOutOfRange_ErrorNamesRecord()
    {
        var folder = Path.Combine(Root, "cifar-10-batches-bin");
        DataFixtures.WriteCifar(folder);
        File.WriteAllBytes(Path.Combine(folder, "data_batch_2.bin"), DataFixtures.CifarBatch([1, 10]));

        var e = Assert.Throws<InvalidDataException>(() => Load(train: true));

        Assert.Contains("data_batch_2.bin", e.Message);
        Assert.Contains("record 1 has label 10", e.Message);
    }

    [Fact]
    public void CIFAR10_OfficialChecksums_RejectOtherFiles()
    {
        DataFixtures.WriteCifar(Path.Combine(Root, "cifar-10-batches-bin"));

        var e = Assert.Throws<InvalidDataException>(() => Load(train: true, source: KnownSources.Cifar10));

        Assert.Contains("data_batch_1.bin", e.Message);
        Assert.Contains("5dd7e06a14cb22eb9f671a540d1b7c25", e.Message);
    }

    [Fact]
    public void CIFAR10_OfficialTestChecksum_IsTheGitBlobId()
    {
        DataFixtures.WriteCifar(Path.Combine(Root, "cifar-10-batches-bin"));

        var e = Assert.Throws<InvalidDataException>(() => Load(train: false, source: KnownSources.Cifar10));

        Assert.Contains("e3f3b4653f18f27ada1558cabc3352a3ed1b25cc", e.Message);
        Assert.Contains("git hash-object", e.Message);
    }

    [Fact]
    public void CIFAR10_Missing_ErrorGivesOfficialUrl()
    {
        var e = Assert.Throws<FileNotFoundException>(() => Load(train: true));

        Assert.Contains("data_batch_1.bin", e.Message);
        Assert.Contains("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", e.Message);
    }

    [Fact]
    public void GitBlobChecksum_MatchesGitHashObject()
    {
        var path = Path.Combine(dir.Path, "hello.txt");
        File.WriteAllText(path, "hello\n");

        // `printf 'hello\n' | git hash-object --stdin`
        Assert.True(FileChecksum.GitBlob("ce013625030ba8dba906f756967f9e9ca394464a").Matches(path, out _));
    }

    [Fact]
    public void ChannelMeanStd_CifarSubset_UsesOnlyItsImages()
    {
        DataFixtures.WriteCifar(Path.Combine(Root, "cifar-10-batches-bin"));
        var ds = Load(train: true);
        var (train, _) = train_validation_split(ds, validation: 4);

        var (mean, std) = channel_mean_std(train);
        var (expectedMean, expectedStd) = channel_mean_std(ds.images()[4..]);

        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(expectedMean[c], mean[c], 6);
            Assert.Equal(expectedStd[c], std[c], 6);
        }
    }
}
