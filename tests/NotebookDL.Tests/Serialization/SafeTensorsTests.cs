using System.Buffers.Binary;
using System.Text;
using NotebookDL;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Serialization;

public sealed class SafeTensorsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("notebookdl-safetensors-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void SaveThenLoad_MixedDtypes_RoundTripsExactly()
    {
        var path = Path.Combine(folder, "weights.safetensors");
        var tensors = new Dictionary<string, Tensor>
        {
            ["layer.weight"] = tensor(new float[] { 1.5f, -2.25f, 3e-8f, float.MaxValue, 0, 7 }, [2, 3]),
            ["layer.steps"] = tensor(new long[] { long.MaxValue, -1 }),
            ["mask"] = tensor(new[] { true, false, true }),
            ["scalar"] = tensor(0.5f),
        };

        safetensors.save_file(tensors, path, new Dictionary<string, string> { ["format"] = "pt" });
        var (loaded, metadata) = safetensors.load_file_with_metadata(path);

        Assert.Equal("pt", metadata["format"]);
        foreach (var (name, t) in tensors)
        {
            Assert.Equal(t.shape, loaded[name].shape);
            Assert.Equal(t.dtype, loaded[name].dtype);
            Assert.Equal(t.data<double>(), loaded[name].data<double>());
        }
    }

    [Fact]
    public void Save_Layout_HeaderIsAlignedJsonWithOffsets()
    {
        var path = Path.Combine(folder, "a.safetensors");
        safetensors.save_file(new Dictionary<string, Tensor> { ["w"] = tensor(new float[] { 1, 2 }) }, path);

        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var header = Encoding.UTF8.GetString(bytes, 8, headerLength);
        Assert.Equal(0, headerLength % 8);
        Assert.Equal("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", header.TrimEnd(' '));
        Assert.Equal(1f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(8 + headerLength)));
        Assert.Equal(8 + headerLength + 8, bytes.Length);
    }

    [Fact]
    public void Load_TruncatedFile_ErrorNamesFileAndTensor()
    {
        var path = Path.Combine(folder, "cut.safetensors");
        safetensors.save_file(new Dictionary<string, Tensor> { ["big"] = ones(100) }, path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);

        var error = Assert.Throws<InvalidDataException>(() => safetensors.load_file(path));

        Assert.Contains("cut.safetensors", error.Message);
        Assert.Contains("'big'", error.Message);
    }

    [Fact]
    public void Load_GarbageHeader_SaysNotValid()
    {
        var path = Path.Combine(folder, "junk.safetensors");
        File.WriteAllBytes(path, [5, 0, 0, 0, 0, 0, 0, 0, (byte)'{', (byte)'x', 0, 0, 0]);

        var error = Assert.Throws<InvalidDataException>(() => safetensors.load_file(path));

        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void Save_OverExistingFile_LeavesNoTemporaryFiles()
    {
        var path = Path.Combine(folder, "w.safetensors");
        safetensors.save_file(new Dictionary<string, Tensor> { ["a"] = ones(3) }, path);
        safetensors.save_file(new Dictionary<string, Tensor> { ["a"] = zeros(3) }, path);

        Assert.Equal([0f, 0f, 0f], safetensors.load_file(path)["a"].data<float>());
        Assert.Single(Directory.GetFiles(folder));
    }
}

public sealed class SafeTensorsHeaderValidationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("notebookdl-safetensors-bad-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string header, int dataBytes, byte[]? rawHeader = null)
    {
        var headerBytes = rawHeader ?? Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + headerBytes.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)headerBytes.Length);
        headerBytes.CopyTo(bytes, 8);
        var path = Path.Combine(folder, $"bad-{Guid.NewGuid():N}.safetensors");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[-8,0]}}""", 8, "two numbers, 0 ≤ begin ≤ end")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", 12, "overlaps")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8, "gap in the data")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 8, "4 bytes of data after the last tensor")]
    [InlineData("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", 8, "needs 12 bytes")]
    [InlineData("""{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}""", 0, "negative size")]
    [InlineData("""{"a":{"dtype":"F32","shape":["2"],"data_offsets":[0,8]}}""", 8, "not an integer")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2]}}""", 8, "no data_offsets list")]
    [InlineData("""{"a":{"shape":[2],"data_offsets":[0,8]}}""", 8, "no dtype string")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8,9]}}""", 8, "two numbers")]
    [InlineData("""{"a":5}""", 0, "not described by a JSON object")]
    [InlineData("""[1, 2]""", 0, "not a JSON object")]
    [InlineData("""{"__metadata__":{"k":3}}""", 0, "metadata 'k' is not a string")]
    [InlineData("""{"a":{"dtype":"F32","shape":[65536, 65537],"data_offsets":[0,8]}}""", 8, "limit")]
    public void Load_MalformedHeader_IsRefusedWithFileAndReason(string header, int dataBytes, string reason)
    {
        var path = Write(header, dataBytes);

        var error = Assert.ThrowsAny<Exception>(() => safetensors.load_file(path));

        Assert.True(error is InvalidDataException or ArgumentException, error.GetType().Name + ": " + error.Message);
        Assert.Contains(Path.GetFileName(path), error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Load_HeaderNotUtf8_IsRefused()
    {
        var path = Write("", 0, [(byte)'{', 0xC3, 0x28, (byte)'}']);

        var error = Assert.Throws<InvalidDataException>(() => safetensors.load_file(path));

        Assert.Contains("not valid UTF-8", error.Message);
    }
}
