using NotebookDL.Modules;
using static NotebookDL.torch;
using static NotebookDL.torch.utils.data;
using static NotebookDL.torchvision;

namespace NotebookDL.Tests.Data;

public class MnistTests : IDisposable
{
    private readonly TempDir dir = new();
    private readonly DataSource unverified = DataFixtures.Unverified(KnownSources.Mnist);

    public void Dispose() => dir.Dispose();

    private string Root => Path.Combine(dir.Path, "root");

    private string Cache => Path.Combine(dir.Path, "cache");

    private MNIST Load(bool train = true, ITransform? transform = null, ITransform? target = null, DataSource? source = null, DataEnvironment? env = null, string? root = null) =>
        new(root ?? Root, train, false, transform, target, source ?? unverified, env ?? DataFixtures.Isolated(Cache));

    [Theory]
    [InlineData(true, 5)]
    [InlineData(false, 3)]
    public void MNIST_SmallFiles_LoadsImagesAndLabels(bool train, int count)
    {
        DataFixtures.WriteMnist(Path.Combine(Root, "mnist"));

        var ds = Load(train);

        Assert.Equal(count, ds.Count);
        Assert.Equal(train ? DataFixtures.TrainLabels.Select(b => (long)b) : DataFixtures.TestLabels.Select(b => (long)b), ds.targets.data<long>());
        var sample = ds.GetTensor(1);
        Assert.Equal(new long[] { 1, 4, 3 }, sample["data"].shape);
        Assert.Equal(DataFixtures.ExpectedImage(1, 12), sample["data"].data<float>());
        Assert.Equal(train ? 0L : 2L, sample["label"].item<long>());
        Assert.Equal(ScalarType.Int64, sample["label"].dtype);
        Assert.Equal(new long[] { count, 1, 4, 3 }, ds.images().shape);
        Assert.Equal(1f, ds.images().data<float>()[0]);
        Assert.Equal(Path.Combine(Root, "mnist"), ds.root);
        Assert.Equal(train ? "MNIST training set" : "MNIST test set", ds.description);
        Assert.Equal("5 - five", ds.classes[5]);
    }

    [Fact]
    public void MNIST_DataLoader_BatchesMatchSamples()
    {
        DataFixtures.WriteMnist(Path.Combine(Root, "mnist"));
        var ds = Load();

        var batches = DataLoader(ds, 2).ToList();

        Assert.Equal(new long[] { 2, 1, 4, 3 }, batches[0]["data"].shape);
        Assert.Equal(new long[] { 1, 1, 4, 3 }, batches[2]["data"].shape);
        Assert.Equal(new long[] { 5, 0, 4, 1, 9 }, batches.SelectMany(b => b["label"].data<long>()));
        Assert.Equal(ds.GetTensor(3)["data"].data<float>(), batches[1]["data"][1].data<float>());
    }

    [Fact]
    public void MNIST_TorchvisionStyleTransform_SkipsToTensorAndNormalizesBatches()
    {
        DataFixtures.WriteMnist(Path.Combine(Root, "mnist"));
        var ds = Load(transform: transforms.Compose(transforms.ToTensor(), transforms.Normalize([0.5], [0.5])),
            target: new PlusOne());

        var batch = DataLoader(ds, 5).Single();
        var single = ds.GetTensor(2);

        Assert.Equal(DataFixtures.ExpectedImage(2, 12).Select(v => (v - 0.5f) / 0.5f), single["data"].data<float>());
        Assert.Equal(single["data"].data<float>(), batch["data"][2].data<float>());
        Assert.Equal(new long[] { 6, 1, 5, 2, 10 }, batch["label"].data<long>());
    }

    [Fact]
    public void MNIST_TrainValidationSplit_SubsetTransformsAndStatistics()
    {
        DataFixtures.WriteMnist(Path.Combine(Root, "mnist"));
        var (train, valid) = train_validation_split(Load(), validation: 2);

        var (mean, std) = channel_mean_std(train);
        var (expectedMean, expectedStd) = channel_mean_std(Load().images()[2..]);
        train.transform = transforms.Normalize(mean, std);

        Assert.Equal(expectedMean[0], mean[0], 6);
        Assert.Equal(expectedStd[0], std[0], 6);
        var normalized = DataLoader(train, 3).First()["data"];
        Assert.Equal(0.0, normalized.mean().item<float>(), 5);
        Assert.Equal(DataFixtures.ExpectedImage(0, 12), valid.GetTensor(0)["data"].data<float>());
        Assert.Equal(new long[] { 4, 1, 9 }, DataLoader(train, 3).First()["label"].data<long>());
    }

    [Fact]
    public void MNIST_KnownChecksums_LoadWhenFilesMatch()
    {
        var folder = Path.Combine(Root, "mnist");
        DataFixtures.WriteMnist(folder);
        var source = KnownSources.Mnist with { Files = Directory.GetFiles(folder).Select(f => new DataFile(Path.GetFileName(f), FileChecksum.Md5(DataFixtures.Md5(f)))).ToArray() };

        Assert.Equal(5, Load(source: source).Count);
    }

    /// <summary>The same process loads again after the file changed in place, size and time kept: the change is caught (digests are never cached).</summary>
    [Fact]
    public void MNIST_FileChangedInPlaceBetweenLoads_SecondLoadIsRefused()
    {
        var folder = Path.Combine(Root, "mnist");
        DataFixtures.WriteMnist(folder);
        var source = KnownSources.Mnist with { Files = Directory.GetFiles(folder).Select(f => new DataFile(Path.GetFileName(f), FileChecksum.Md5(DataFixtures.Md5(f)))).ToArray() };
        Assert.Equal(5, Load(source: source).Count);
        var labels = Path.Combine(folder, "train-labels-idx1-ubyte.gz");
        var written = File.GetLastWriteTimeUtc(labels);
        var bytes = File.ReadAllBytes(labels);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(labels, bytes);
        File.SetLastWriteTimeUtc(labels, written);

        var e = Assert.Throws<InvalidDataException>(() => Load(source: source));

        Assert.Contains($"{labels} is corrupt or truncated", e.Message);
    }

    [Fact]
    public void MNIST_TruncatedFile_ErrorNamesFileAndExpectedChecksum()
    {
        var folder = Path.Combine(Root, "mnist");
        DataFixtures.WriteMnist(folder);
        var images = Path.Combine(folder, "train-images-idx3-ubyte.gz");
        var md5 = DataFixtures.Md5(images);
        var source = KnownSources.Mnist with { Files = [new("train-images-idx3-ubyte.gz", FileChecksum.Md5(md5), new FileInfo(images).Length)] };
        File.WriteAllBytes(images, File.ReadAllBytes(images)[..20]);

        var e = Assert.Throws<InvalidDataException>(() => Load(source: source));

        Assert.Contains(images, e.Message);
        Assert.Contains(md5, e.Message);
        Assert.Contains("download: true", e.Message);
    }

    [Fact]
    public void MNIST_OfficialChecksums_RejectOtherFiles()
    {
        DataFixtures.WriteMnist(Path.Combine(Root, "mnist"));

        var e = Assert.Throws<InvalidDataException>(() => Load(source: KnownSources.Mnist));

        Assert.Contains("train-images-idx3-ubyte.gz", e.Message);
        Assert.Contains("f68b3c2dcbeaaa9fbdd348bbdeb94873", e.Message);
        Assert.Contains("9,912,422 bytes", e.Message);
    }

    [Fact]
    public void MNIST_NoFilesAnywhere_ErrorSaysWhereToPutAndGetThem()
    {
        var e = Assert.Throws<FileNotFoundException>(() => Load(source: KnownSources.Mnist));

        Assert.Contains("train-images-idx3-ubyte.gz", e.Message);
        Assert.Contains(Path.Combine(Root, "mnist"), e.Message);
        Assert.Contains(Path.Combine(Cache, "mnist"), e.Message);
        Assert.Contains("NOTEBOOKDL_DATA", e.Message);
        Assert.Contains("download: true", e.Message);
        Assert.Contains("https://ossci-datasets.s3.amazonaws.com/mnist/", e.Message);
    }

    [Fact]
    public void MNIST_OneFileMissing_ErrorNamesIt()
    {
        var folder = Path.Combine(Root, "mnist");
        DataFixtures.WriteMnist(folder);
        File.Delete(Path.Combine(folder, "train-labels-idx1-ubyte.gz"));

        var e = Assert.Throws<FileNotFoundException>(() => Load());

        Assert.Contains("train-labels-idx1-ubyte.gz", e.Message);
        Assert.Contains(folder, e.Message);
    }

    public static TheoryData<string, Func<byte[]>, string> BrokenFiles() => new()
    {
        { "train-images-idx3-ubyte.gz", () => DataFixtures.Gzip(DataFixtures.IdxLabels(new byte[20])), "magic number is 0x00000801" },
        { "train-images-idx3-ubyte.gz", () => DataFixtures.Gzip(DataFixtures.IdxImages(5, 4, 3)[..50]), "truncated" },
        { "train-images-idx3-ubyte.gz", () => DataFixtures.Gzip([.. DataFixtures.IdxImages(5, 4, 3), 1, 2]), "more data after" },
        { "train-images-idx3-ubyte.gz", () => DataFixtures.Gzip(DataFixtures.IdxImages(5, 4, 3))[..30], "truncated" },
        { "train-labels-idx1-ubyte.gz", () => DataFixtures.Gzip(DataFixtures.IdxLabels([1, 2, 3])), "3 labels but" },
        { "train-labels-idx1-ubyte.gz", () => DataFixtures.Gzip(DataFixtures.IdxLabels([1, 2, 3, 4, 12])), "label 4 is 12" },
        { "train-labels-idx1-ubyte.gz", () => [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 0xff], "corrupt" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void MNIST_InvalidContents_ErrorNamesFileAndProblem(string file, Func<byte[]> contents, string expected)
    {
        var folder = Path.Combine(Root, "mnist");
        DataFixtures.WriteMnist(folder);
        File.WriteAllBytes(Path.Combine(folder, file), contents());

        var e = Assert.Throws<InvalidDataException>(() => Load());

        Assert.Contains(Path.Combine(folder, file), e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void MNIST_UncompressedIdx_AlsoLoads()
    {
        var folder = Path.Combine(Root, "mnist");
        DataFixtures.WriteMnist(folder);
        File.WriteAllBytes(Path.Combine(folder, "train-images-idx3-ubyte.gz"), DataFixtures.IdxImages(5, 4, 3));

        Assert.Equal(DataFixtures.ExpectedImage(4, 12), Load().GetTensor(4)["data"].data<float>());
    }

    [Fact]
    public void MNIST_DataVariable_IsSearchedAfterRootAndBeforeCache()
    {
        DataFixtures.WriteMnist(Path.Combine(dir.Path, "variable", "mnist"));
        DataFixtures.WriteMnist(Path.Combine(Cache, "mnist"));
        var env = DataFixtures.Isolated(Cache, dataVariable: Path.Combine(dir.Path, "variable"));

        Assert.Equal(Path.Combine(dir.Path, "variable", "mnist"), Load(env: env).root);
        DataFixtures.WriteMnist(Path.Combine(Root, "mnist"));
        Assert.Equal(Path.Combine(Root, "mnist"), Load(env: env).root);
    }

    [Theory]
    [InlineData("mnist")]
    [InlineData("MNIST/raw")]
    [InlineData("")]
    public void MNIST_FolderLayouts_AreFound(string layout)
    {
        DataFixtures.WriteMnist(Path.Combine(Cache, layout));

        Assert.Equal(5, Load(root: Path.Combine(dir.Path, "empty-root")).Count);
    }

    [Fact]
    public void MNIST_SharedDataAboveCurrentDirectory_IsFound()
    {
        DataFixtures.WriteMnist(Path.Combine(dir.Path, "shared", "data", "mnist"));
        var env = DataFixtures.Isolated(Cache, searchSharedFrom: dir.Sub("checkout", "notebooks"));

        Assert.Equal(Path.Combine(dir.Path, "shared", "data", "mnist"), Load(env: env, root: "").root);
    }

    private sealed class PlusOne : ITransform
    {
        public Tensor call(Tensor input) => input + 1L;
    }
}
