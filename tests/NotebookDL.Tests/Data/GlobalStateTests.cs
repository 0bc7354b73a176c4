using static NotebookDL.torch;
using static NotebookDL.torch.utils.data;

namespace NotebookDL.Tests.Data;

/// <summary>Tests that reseed torch's default generator or set environment variables run alone, never beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalStateCollection
{
    public const string Name = "NotebookDL.Tests.Data global state";
}

[Collection(GlobalStateCollection.Name)]
public class GlobalStateTests
{
    [Fact]
    public void DataLoader_NoSeed_FollowsManualSeed()
    {
        var loader = DataLoader(DataLoaderTests.Numbered(50), 8, shuffle: true);

        manual_seed(7);
        var first = DataLoaderTests.Order(loader);
        manual_seed(7);
        var again = DataLoaderTests.Order(loader);
        manual_seed(8);
        var other = DataLoaderTests.Order(loader);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void RandomSplit_NoGenerator_FollowsManualSeed()
    {
        var ds = DataLoaderTests.Numbered(30);

        manual_seed(11);
        var a = random_split(ds, [20L, 10L])[0].indices.ToArray();
        manual_seed(11);
        var b = random_split(ds, [20L, 10L])[0].indices.ToArray();

        Assert.Equal(a, b);
    }

    [Fact]
    public void Transforms_NoGenerator_FollowManualSeed()
    {
        var images = rand([6, 1, 5, 5], generator: new Generator(1));
        var augment = torchvision.transforms.Compose(
            torchvision.transforms.RandomHorizontalFlip(), torchvision.transforms.RandomCrop(5, padding: 2), torchvision.transforms.RandomRotation(20));

        manual_seed(5);
        var a = augment.call(images).data<float>();
        manual_seed(5);
        var b = augment.call(images).data<float>();

        Assert.Equal(a, b);
    }

    [Fact]
    public void Synthetic_NoRandomState_FollowsManualSeed()
    {
        manual_seed(3);
        var (a, _) = synthetic.make_moons(50, noise: 0.1);
        manual_seed(3);
        var (b, _) = synthetic.make_moons(50, noise: 0.1);

        Assert.Equal(a.data<float>(), b.data<float>());
    }

    [Fact]
    public void MNIST_DataVariableSet_LooksThereBeforeTheCache()
    {
        using var dir = new TempDir();
        var folder = dir.Sub("from-variable", "mnist");
        DataFixtures.WriteMnist(folder);
        var previous = Environment.GetEnvironmentVariable("NOTEBOOKDL_DATA");
        try
        {
            Environment.SetEnvironmentVariable("NOTEBOOKDL_DATA", Path.Combine(dir.Path, "from-variable"));

            // The generated files are not the official ones, so the md5 check fails — naming the file it found via the variable.
            var e = Assert.Throws<InvalidDataException>(() => torchvision.datasets.MNIST(null, train: true));

            Assert.Contains(Path.Combine(folder, "train-images-idx3-ubyte.gz"), e.Message);
            Assert.Contains("f68b3c2dcbeaaa9fbdd348bbdeb94873", e.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("NOTEBOOKDL_DATA", previous);
        }
    }
}
