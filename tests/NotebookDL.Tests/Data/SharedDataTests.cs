using NotebookDL.Modules;
using static NotebookDL.torch.utils.data;

namespace NotebookDL.Tests.Data;

/// <summary>Finds this repository's shared copy of the real datasets (../shared/data beside the checkout), if any.</summary>
internal static class SharedData
{
    public static readonly string? Root = Find();

    private static string? Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(Path.Combine(candidate, "mnist")) || Directory.Exists(Path.Combine(candidate, "cifar-10-batches-bin"))) return candidate;
            }
        return null;
    }

    public static bool Has(string folder) => Root is not null && Directory.Exists(Path.Combine(Root, folder));
}

/// <summary>A fact that is skipped, not failed, when the shared data folder is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string folder)
    {
        if (!SharedData.Has(folder)) Skip = $"no shared/data/{folder} folder above the test directory";
    }
}

public class SharedDataTests
{
    [SharedDataFact("mnist")]
    public void MNIST_Real_Loads60000And10000WithKnownFirstLabels()
    {
        var train = torchvision.datasets.MNIST(SharedData.Root, train: true);
        var test = torchvision.datasets.MNIST(SharedData.Root, train: false);

        Assert.Equal(60_000, train.Count);
        Assert.Equal(10_000, test.Count);
        Assert.Equal(5L, train.GetTensor(0)["label"].item<long>());
        Assert.Equal(7L, test.GetTensor(0)["label"].item<long>());
        var batch = DataLoader(train, 128).First();
        Assert.Equal(new long[] { 128, 1, 28, 28 }, batch["data"].shape);
        Assert.InRange(batch["data"].max().item<float>(), 0.99f, 1f);
    }

    [SharedDataFact("cifar-10-batches-bin")]
    public void CIFAR10_Real_Loads50000TrainingImagesWithKnownFirstLabels()
    {
        var train = torchvision.datasets.CIFAR10(SharedData.Root, train: true);

        Assert.Equal(50_000, train.Count);
        Assert.Equal(new long[] { 6, 9, 9, 4, 1, 1, 2, 7, 8, 3 }, train.targets.data<long>()[..10]);
        Assert.Equal("frog", train.classes[(int)train.GetTensor(0)["label"].item<long>()]);
        Assert.Equal(new long[] { 3, 32, 32 }, train.GetTensor(0)["data"].shape);

        var (trainSplit, valid) = train_validation_split(train, validation: 5000);
        Assert.Equal(45_000, trainSplit.Count);
        Assert.Equal(5_000, valid.Count);
        var (mean, std) = channel_mean_std(trainSplit);
        Assert.All(mean, m => Assert.InRange(m, 0.4, 0.55));
        Assert.All(std, s => Assert.InRange(s, 0.2, 0.3));
    }

    [SharedDataFact("cifar-10-test-partial")]
    public void CIFAR10_RealPartialTest_LoadsFirst1000()
    {
        var test = torchvision.datasets.CIFAR10(SharedData.Root, train: false, first_1000_test: true);

        Assert.Equal(1_000, test.Count);
        Assert.Equal("first 1,000 CIFAR-10 test images", test.description);
        Assert.Equal(new long[] { 3, 8, 8, 0, 6, 6, 1, 6, 3, 1 }, test.targets.data<long>()[..10]);
    }

    [SharedDataFact("cifar-10-test-partial")]
    public void CIFAR10_RealTestWithoutOption_ExplainsOnlyFirst1000Exist()
    {
        using var cache = new TempDir();
        if (File.Exists(Path.Combine(SharedData.Root!, "cifar-10-batches-bin", "test_batch.bin"))) return;

        var e = Assert.Throws<FileNotFoundException>(() =>
            new CIFAR10(SharedData.Root, false, false, null, null, false, env: DataFixtures.Isolated(cache.Path)));

        Assert.Contains("first_1000_test: true", e.Message);
    }
}
