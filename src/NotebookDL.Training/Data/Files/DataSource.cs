namespace NotebookDL;

/// <summary>One file of a dataset with its official digest and size (null where not published).</summary>
internal sealed record DataFile(string Name, FileChecksum? Checksum, long? Size = null);

/// <summary>An official archive holding a dataset's files under <see cref="Folder"/>/ (CIFAR-10's tar.gz).</summary>
internal sealed record DataArchive(string Name, Uri Url, FileChecksum? Checksum, string Folder);

/// <summary>
/// Where a dataset's files live and come from: the folder names searched under each data root (the first is
/// where downloads go), the known files, and the per-file mirrors or the archive to download.
/// </summary>
internal sealed record DataSource(string Title, string[] Folders, DataFile[] Files, Uri[] Mirrors, DataArchive? Archive, string Homepage)
{
    public DataFile File(string name) =>
        Files.FirstOrDefault(f => f.Name == name) ?? new DataFile(name, null);

    /// <summary>Where to get the files, for error messages.</summary>
    public string Origin =>
        Archive is not null ? Archive.Url.ToString()
        : Mirrors.Length > 0 ? string.Join(" or ", Mirrors.Select(m => m.ToString()))
        : Homepage;

    public bool CanDownload => Archive is not null || Mirrors.Length > 0;
}

/// <summary>The official files of the built-in datasets, with the digests torchvision checks.</summary>
internal static class KnownSources
{
    public static readonly DataSource Mnist = new(
        "MNIST", ["mnist", "MNIST/raw", ""],
        [
            new("train-images-idx3-ubyte.gz", FileChecksum.Md5("f68b3c2dcbeaaa9fbdd348bbdeb94873"), 9_912_422),
            new("train-labels-idx1-ubyte.gz", FileChecksum.Md5("d53e105ee54ea40749a09fcbcd1e9432"), 28_881),
            new("t10k-images-idx3-ubyte.gz", FileChecksum.Md5("9fb629c4189551a2d022fa330f9573f3"), 1_648_877),
            new("t10k-labels-idx1-ubyte.gz", FileChecksum.Md5("ec29112dd5afa0611ce80d1b7f02629c"), 4_542),
        ],
        [new("https://ossci-datasets.s3.amazonaws.com/mnist/"), new("http://yann.lecun.com/exdb/mnist/")],
        null, "http://yann.lecun.com/exdb/mnist/");

    public static readonly DataSource FashionMnist = new(
        "FashionMNIST", ["fashion-mnist", "FashionMNIST/raw", ""],
        [
            new("train-images-idx3-ubyte.gz", FileChecksum.Md5("8d4fb7e6c68d591d4c3dfef9ec88bf0d")),
            new("train-labels-idx1-ubyte.gz", FileChecksum.Md5("25c81989df183df01b3e8a0aad5dffbe")),
            new("t10k-images-idx3-ubyte.gz", FileChecksum.Md5("bef4ecab320f06d8554ea6380940ec79")),
            new("t10k-labels-idx1-ubyte.gz", FileChecksum.Md5("bb300cfdad3c16e7a12a480ee83cd310")),
        ],
        [new("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")],
        null, "https://github.com/zalandoresearch/fashion-mnist");

    public static readonly DataSource Cifar10 = new(
        "CIFAR-10", ["cifar-10-batches-bin", "CIFAR10/cifar-10-batches-bin", ""],
        [
            new("data_batch_1.bin", FileChecksum.Md5("5dd7e06a14cb22eb9f671a540d1b7c25"), 30_730_000),
            new("data_batch_2.bin", FileChecksum.Md5("5ea93a67294ea407fff1d09f752e9692"), 30_730_000),
            new("data_batch_3.bin", FileChecksum.Md5("942cd6a4bcdd0dd3c604fbe906cb4421"), 30_730_000),
            new("data_batch_4.bin", FileChecksum.Md5("ae636b3ba5c66a11e91e8cb52e771fcb"), 30_730_000),
            new("data_batch_5.bin", FileChecksum.Md5("53f37980c15c3d472c316c40844f3f0d"), 30_730_000),
            // No md5 of the binary-version test batch is published; its git blob id is.
            new("test_batch.bin", FileChecksum.GitBlob("e3f3b4653f18f27ada1558cabc3352a3ed1b25cc"), 30_730_000),
            new("batches.meta.txt", FileChecksum.Md5("728051cd483f366e254dddb25bead8b3"), 61),
        ],
        [],
        new("cifar-10-binary.tar.gz", new("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"),
            FileChecksum.Md5("c32a1d4ab5d03f1284b67883e8d87530"), "cifar-10-batches-bin"),
        "https://www.cs.toronto.edu/~kriz/cifar.html");

    /// <summary>The first 1,000 records of test_batch.bin, kept apart so nothing mistakes it for the full test set.</summary>
    public static readonly DataSource Cifar10TestFirst1000 = new(
        "CIFAR-10 (first 1,000 test images)", ["cifar-10-test-partial", "cifar-10-batches-bin", ""],
        [new("test_batch_first1000.bin", FileChecksum.Md5("371f65da31ad652f5e24b3699a3e6515"), 3_073_000)],
        [], null, "https://www.cs.toronto.edu/~kriz/cifar.html");

    public static readonly string[] CifarTrainFiles = ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    public const string CifarTestFile = "test_batch.bin";

    public const string CifarFirst1000File = "test_batch_first1000.bin";
}
