using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;

namespace NotebookDL.Tests.Data;

/// <summary>A temporary folder that deletes itself.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "notebookdl-tests-" + Guid.NewGuid().ToString("N"));

    public string Sub(params string[] parts)
    {
        var dir = System.IO.Path.Combine([Path, .. parts]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>Writers for small MNIST (IDX) and CIFAR-10 files, and data environments cut off from the machine.</summary>
internal static class DataFixtures
{
    /// <summary>Pixel value of byte image <paramref name="image"/> at flat position <paramref name="p"/>: varied, and 255 occurs.</summary>
    public static byte Pixel(int image, int p) => (byte)((image * 37 + p * 11 + (p == 0 ? 255 : 0)) % 256);

    public static byte[] IdxImages(int count, int rows, int cols)
    {
        var bytes = new byte[16 + count * rows * cols];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x803);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), cols);
        for (int i = 0; i < count; i++)
            for (int p = 0; p < rows * cols; p++) bytes[16 + i * rows * cols + p] = Pixel(i, p);
        return bytes;
    }

    public static byte[] IdxLabels(byte[] labels)
    {
        var bytes = new byte[8 + labels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x801);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), labels.Length);
        labels.CopyTo(bytes, 8);
        return bytes;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest)) gz.Write(data);
        return output.ToArray();
    }

    public static readonly byte[] TrainLabels = [5, 0, 4, 1, 9];
    public static readonly byte[] TestLabels = [7, 2, 1];

    /// <summary>Writes train (5 images) and t10k (3 images) files of rows×cols pixels into <paramref name="folder"/>.</summary>
    public static void WriteMnist(string folder, int rows = 4, int cols = 3)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(System.IO.Path.Combine(folder, "train-images-idx3-ubyte.gz"), Gzip(IdxImages(TrainLabels.Length, rows, cols)));
        File.WriteAllBytes(System.IO.Path.Combine(folder, "train-labels-idx1-ubyte.gz"), Gzip(IdxLabels(TrainLabels)));
        File.WriteAllBytes(System.IO.Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), Gzip(IdxImages(TestLabels.Length, rows, cols)));
        File.WriteAllBytes(System.IO.Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"), Gzip(IdxLabels(TestLabels)));
    }

    /// <summary>A CIFAR-10 binary batch whose record r has label labels[r] and pixel p = Pixel(first + r, p).</summary>
    public static byte[] CifarBatch(byte[] labels, int first = 0)
    {
        var bytes = new byte[labels.Length * 3073];
        for (int r = 0; r < labels.Length; r++)
        {
            bytes[r * 3073] = labels[r];
            for (int p = 0; p < 3072; p++) bytes[r * 3073 + 1 + p] = Pixel(first + r, p);
        }
        return bytes;
    }

    /// <summary>Five training batches of 2 records each (labels 6, 9 | 9, 4 | 1, 1 | 2, 7 | 8, 3) and a 3-record test batch.</summary>
    public static void WriteCifar(string folder, bool withTest = true)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in CifarFiles(withTest)) File.WriteAllBytes(System.IO.Path.Combine(folder, name), bytes);
    }

    public static readonly byte[] CifarTrainLabels = [6, 9, 9, 4, 1, 1, 2, 7, 8, 3];
    public static readonly byte[] CifarTestLabels = [3, 8, 8];

    public static IEnumerable<(string name, byte[] bytes)> CifarFiles(bool withTest = true)
    {
        for (int b = 0; b < 5; b++)
            yield return ($"data_batch_{b + 1}.bin", CifarBatch(CifarTrainLabels[(2 * b)..(2 * b + 2)], 2 * b));
        if (withTest) yield return ("test_batch.bin", CifarBatch(CifarTestLabels, 100));
    }

    public static string Md5(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    public static string Md5(string path) => Md5(File.ReadAllBytes(path));

    /// <summary>A source like the official one but with no digests, so small generated files load.</summary>
    public static DataSource Unverified(DataSource source) => source with { Files = [] };

    /// <summary>An environment that sees only <paramref name="cache"/> (and the data variable if given), with no network.</summary>
    public static DataEnvironment Isolated(string cache, string? dataVariable = null, Func<Uri, Stream>? open = null, TextWriter? progress = null,
        string? searchSharedFrom = null) => new()
    {
        CacheFolder = cache,
        CurrentDirectory = searchSharedFrom ?? cache,
        AssemblyDirectory = null,
        SearchShared = searchSharedFrom is not null,
        GetVariable = name => name == DataEnvironment.DataVariable ? dataVariable : null,
        OpenUrl = open ?? (url => throw new IOException($"network access in a test: {url}")),
        Progress = progress ?? TextWriter.Null,
    };

    /// <summary>Expected float image of Pixel(image, ·) for an image of <paramref name="size"/> values.</summary>
    public static float[] ExpectedImage(int image, int size) => Enumerable.Range(0, size).Select(p => Pixel(image, p) / 255f).ToArray();
}
