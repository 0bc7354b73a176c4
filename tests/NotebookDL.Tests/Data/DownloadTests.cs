using System.Formats.Tar;
using System.IO.Compression;
using NotebookDL.Modules;

namespace NotebookDL.Tests.Data;

public class DownloadTests : IDisposable
{
    private readonly TempDir dir = new();
    private readonly Dictionary<string, byte[]> served = new();
    private readonly List<Uri> requested = [];
    private readonly StringWriter progress = new();

    public void Dispose() => dir.Dispose();

    private string Root => Path.Combine(dir.Path, "root");

    /// <summary>Serves <see cref="served"/> by file name from the second mirror; the first mirror is "down".</summary>
    private Stream Open(Uri url)
    {
        requested.Add(url);
        if (url.Host == "down.example") throw new HttpRequestException("connection refused");
        return served.TryGetValue(url.Segments[^1], out var bytes) ? new MemoryStream(bytes) : throw new IOException("404 Not Found");
    }

    private DataEnvironment Env => DataFixtures.Isolated(Path.Combine(dir.Path, "cache"), open: Open, progress: progress);

    /// <summary>The generated MNIST files, and a source whose digests are theirs and whose mirrors are fake.</summary>
    private DataSource ServeMnist()
    {
        var staging = dir.Sub("staging");
        DataFixtures.WriteMnist(staging);
        foreach (var file in Directory.GetFiles(staging)) served[Path.GetFileName(file)] = File.ReadAllBytes(file);
        return KnownSources.Mnist with
        {
            Files = served.Select(kv => new DataFile(kv.Key, FileChecksum.Md5(DataFixtures.Md5(kv.Value)), kv.Value.Length)).ToArray(),
            Mirrors = [new("https://down.example/mnist/"), new("https://mirror.example/mnist/")],
        };
    }

    [Fact]
    public void MNIST_Download_FetchesVerifiesAndReportsProgress()
    {
        var source = ServeMnist();

        var ds = new MNIST(Root, true, true, null, null, source, Env);

        Assert.Equal(5, ds.Count);
        Assert.Equal(Path.Combine(Root, "mnist"), ds.root);
        Assert.True(File.Exists(Path.Combine(Root, "mnist", "train-labels-idx1-ubyte.gz")));
        Assert.False(File.Exists(Path.Combine(Root, "mnist", "t10k-labels-idx1-ubyte.gz")));
        Assert.Empty(Directory.GetFiles(Path.Combine(Root, "mnist"), "*.part"));
        Assert.Contains("Downloading https://mirror.example/mnist/train-images-idx3-ubyte.gz", progress.ToString());
        Assert.Contains("100%", progress.ToString());
        Assert.Contains("md5 verified", progress.ToString());
    }

    [Fact]
    public void MNIST_DownloadWhenPresent_DoesNotTouchTheNetwork()
    {
        var source = ServeMnist();
        _ = new MNIST(Root, true, true, null, null, source, Env);
        requested.Clear();

        _ = new MNIST(Root, true, true, null, null, source, Env);

        Assert.Empty(requested);
    }

    [Fact]
    public void MNIST_DownloadOverCorruptFile_ReplacesIt()
    {
        var source = ServeMnist();
        var folder = dir.Sub("root", "mnist");
        File.WriteAllBytes(Path.Combine(folder, "train-images-idx3-ubyte.gz"), [1, 2, 3]);

        var ds = new MNIST(Root, true, true, null, null, source, Env);

        Assert.Equal(5, ds.Count);
        Assert.Contains("corrupt or truncated", progress.ToString());
    }

    [Fact]
    public void MNIST_DownloadServesWrongBytes_ErrorListsMirrorsAndChecksumAndLeavesNoFile()
    {
        var source = ServeMnist();
        var expected = DataFixtures.Md5(served["train-images-idx3-ubyte.gz"]);
        served["train-images-idx3-ubyte.gz"] = [9, 9, 9];

        var e = Assert.Throws<IOException>(() => new MNIST(Root, true, true, null, null, source, Env));

        Assert.Contains("https://down.example/mnist/train-images-idx3-ubyte.gz: connection refused", e.Message);
        Assert.Contains("https://mirror.example/mnist/train-images-idx3-ubyte.gz", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.Contains("offline", e.Message);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(Root, "mnist")), f => f.Contains("train-images"));
    }

    [Fact]
    public void MNIST_NoRootGiven_DownloadsIntoTheCache()
    {
        var source = ServeMnist();

        var ds = new MNIST(null, false, true, null, null, source, Env);

        Assert.Equal(Path.Combine(dir.Path, "cache", "mnist"), ds.root);
        Assert.Equal(3, ds.Count);
    }

    private static byte[] TarGz(IEnumerable<(string name, byte[] bytes)> files)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gz, TarEntryFormat.Pax))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "cifar-10-batches-bin/"));
            foreach (var (name, bytes) in files)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
        }
        return output.ToArray();
    }

    private DataSource ServeCifar(byte[] archive) =>
        DataFixtures.Unverified(KnownSources.Cifar10) with
        {
            Archive = KnownSources.Cifar10.Archive! with { Url = new("https://mirror.example/cifar-10-binary.tar.gz"), Checksum = FileChecksum.Md5(DataFixtures.Md5(archive)) },
        };

    [Fact]
    public void CIFAR10_Download_ExtractsTheArchive()
    {
        var archive = TarGz(DataFixtures.CifarFiles().Select(f => ("cifar-10-batches-bin/" + f.name, f.bytes)).Append(("../evil.bin", new byte[] { 1 })));
        served["cifar-10-binary.tar.gz"] = archive;
        var source = ServeCifar(archive);

        var train = new CIFAR10(Root, true, true, null, null, false, source, null, Env);
        var test = new CIFAR10(Root, false, true, null, null, false, source, null, Env);

        Assert.Equal(10, train.Count);
        Assert.Equal(3, test.Count);
        Assert.Equal(Path.Combine(Root, "cifar-10-batches-bin"), train.root);
        Assert.True(File.Exists(Path.Combine(Root, "cifar-10-binary.tar.gz")));
        Assert.False(File.Exists(Path.Combine(dir.Path, "evil.bin")));
        Assert.Contains("Extracting", progress.ToString());
        Assert.Single(requested);
    }

    [Fact]
    public void CIFAR10_CorruptArchive_ErrorNamesTheArchive()
    {
        var whole = TarGz(DataFixtures.CifarFiles().Select(f => ("cifar-10-batches-bin/" + f.name, f.bytes)));
        var archive = whole[..(whole.Length / 2)];
        served["cifar-10-binary.tar.gz"] = archive;
        var source = ServeCifar(archive);

        var e = Assert.Throws<InvalidDataException>(() => new CIFAR10(Root, true, true, null, null, false, source, null, Env));

        Assert.Contains(Path.Combine(Root, "cifar-10-binary.tar.gz"), e.Message);
    }
}
