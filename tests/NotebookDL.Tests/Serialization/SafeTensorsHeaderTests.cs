using System.Buffers.Binary;
using System.Text;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Serialization;

/// <summary>Every malformed header is refused before any data is read, naming the file and the tensor or field.</summary>
public sealed class SafeTensorsHeaderTests : IDisposable
{
    private const string F32x2 = "\"dtype\":\"F32\",\"shape\":[2]";

    private readonly string folder = Directory.CreateTempSubdirectory("notebookdl-safetensors-bad-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>An 8-byte length (the header's own unless <paramref name="claimedLength"/>), the header bytes, then zeros.</summary>
    private string Write(byte[] header, int dataBytes, ulong? claimedLength = null)
    {
        var bytes = new byte[8 + header.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, claimedLength ?? (ulong)header.Length);
        header.CopyTo(bytes, 8);
        var path = Path.Combine(folder, $"bad-{Guid.NewGuid():N}.safetensors");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void AssertRefused(string path, string reason)
    {
        var error = Assert.ThrowsAny<Exception>(() => safetensors.load_file(path));

        Assert.True(error is InvalidDataException or NotSupportedException, error.GetType().Name + ": " + error.Message);
        Assert.Contains($"'{path}'", error.Message);
        Assert.True(error.Message.Contains(reason, StringComparison.Ordinal), $"'{reason}' is not in: {error.Message}");
    }

    [Theory]
    // offsets: negative, reversed, overlapping, a hole, past the data, short of the data, not integers, not two
    [InlineData("""{"a":{@F32x2,"data_offsets":[-8,0]}}""", 8, "tensor 'a' has data_offsets [-8, 0]; they must be two numbers, 0 ≤ begin ≤ end")]
    [InlineData("""{"a":{@F32x2,"data_offsets":[8,0]}}""", 8, "tensor 'a' has data_offsets [8, 0]")]
    [InlineData("""{"a":{@F32x2,"data_offsets":[0,8,9]}}""", 8, "tensor 'a' has data_offsets [0, 8, 9]")]
    [InlineData("""{"a":{@F32x2,"data_offsets":[0,8]},"b":{@F32x2,"data_offsets":[4,12]}}""", 12, "tensor 'b' at bytes [4, 12) overlaps")]
    [InlineData("""{"a":{@F32x2,"data_offsets":[0,8]},"b":{@F32x2,"data_offsets":[0,8]}}""", 8, "overlaps")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8, "gap in the data before tensor 'a'")]
    [InlineData("""{"a":{@F32x2,"data_offsets":[0,8]}}""", 4, "tensor 'a' ends at data byte 8 but the file has only 4 bytes of data")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 8, "4 bytes of data after the last tensor")]
    [InlineData("""{}""", 4, "4 bytes of data after the last tensor")]
    [InlineData("""{"a":{@F32x2,"data_offsets":[0,8.0]}}""", 8, "tensor 'a' has a data_offsets entry that is not an integer (8.0)")]
    [InlineData("""{"a":{@F32x2,"data_offsets":"0,8"}}""", 8, "tensor 'a' has no data_offsets list")]
    [InlineData("""{"a":{@F32x2}}""", 8, "tensor 'a' has no data_offsets list")]
    // sizes: wrong byte count, negative, not integers, overflowing, past the engine's limit
    [InlineData("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", 8, "tensor 'a' (F32 [3]) needs 12 bytes but its data_offsets [0, 8) hold 8")]
    [InlineData("""{"a":{"dtype":"I64","shape":[2],"data_offsets":[0,8]}}""", 8, "needs 16 bytes")]
    [InlineData("""{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}""", 0, "tensor 'a' has a negative size in its shape [-1]")]
    [InlineData("""{"a":{"dtype":"F32","shape":["2"],"data_offsets":[0,8]}}""", 8, "tensor 'a' has a shape entry that is not an integer (\"2\")")]
    [InlineData("""{"a":{"dtype":"F32","shape":2,"data_offsets":[0,8]}}""", 8, "tensor 'a' has no shape list")]
    [InlineData("""{"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}}""", 8, "tensor 'a'")]
    [InlineData("""{"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}}""", 8, "more than 2⁶³ elements")]
    [InlineData("""{"a":{"dtype":"F32","shape":[65536, 65537],"data_offsets":[0,8]}}""", 8, "limit")]
    // dtype
    [InlineData("""{"a":{"shape":[2],"data_offsets":[0,8]}}""", 8, "tensor 'a' has no dtype string")]
    [InlineData("""{"a":{"dtype":4,"shape":[2],"data_offsets":[0,8]}}""", 8, "tensor 'a' has no dtype string")]
    [InlineData("""{"a":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}""", 4, "tensor 'a'")]
    [InlineData("""{"a":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}""", 4, "has dtype F16; NotebookDL reads F32, I64 and BOOL")]
    // the header as a whole, names and metadata
    [InlineData("""{"a":5}""", 0, "tensor 'a' is not described by a JSON object")]
    [InlineData("""{"a":null}""", 0, "tensor 'a' is not described by a JSON object")]
    [InlineData("""[1, 2]""", 0, "the header is not a JSON object")]
    [InlineData("""5""", 0, "the header is not a JSON object")]
    [InlineData("""{"a":""", 0, "the header is not valid JSON")]
    [InlineData("""{} x""", 0, "the header is not valid JSON")]
    [InlineData("", 0, "the header is not valid JSON")]
    [InlineData("""{"a":{@F32x2,"data_offsets":[0,8]},"a":{@F32x2,"data_offsets":[8,16]}}""", 16, "Duplicate property 'a'")]
    [InlineData("""{"":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}}""", 0, "a tensor has an empty name")]
    [InlineData("""{"\ud800x":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}}""", 0, "a name in the header is not valid Unicode")]
    [InlineData("""{"__metadata__":{"k":3}}""", 0, "metadata 'k' is not a string")]
    [InlineData("""{"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},"__metadata__":{"k":"\udc00"}}""", 0, "a name or string after entry 'a' is not valid Unicode")]
    [InlineData("""{"__metadata__":["k"]}""", 0, "__metadata__ is not a JSON object")]
    public void Load_MalformedHeader_IsRefusedWithFileAndReason(string header, int dataBytes, string reason)
    {
        AssertRefused(Write(Encoding.UTF8.GetBytes(header.Replace("@F32x2", F32x2, StringComparison.Ordinal)), dataBytes), reason);
    }

    [Theory]
    [InlineData(1000UL, "the header claims 1000 bytes but the file has 2 after the length")]
    [InlineData(ulong.MaxValue, "the header claims 18446744073709551615 bytes")]
    [InlineData(200UL << 20, "the header claims 209715200 bytes")]
    public void Load_HeaderLengthPastTheFile_IsRefused(ulong claimed, string reason)
    {
        AssertRefused(Write("{}"u8.ToArray(), 0, claimed), reason);
    }

    [Fact]
    public void Load_FileShorterThanTheLength_IsRefused()
    {
        var path = Path.Combine(folder, "short.safetensors");
        File.WriteAllBytes(path, [1, 2, 3]);

        AssertRefused(path, "the file is 3 bytes, shorter than the 8-byte header length");
    }

    [Fact]
    public void Load_HeaderNotUtf8_IsRefused()
    {
        AssertRefused(Write([(byte)'{', 0xC3, 0x28, (byte)'}'], 0), "the header is not valid UTF-8");
    }

    [Fact]
    public void Load_WellFormedHeaderWithEveryField_Loads()
    {
        var header = """{"__metadata__":{"k":"v"},"b":{@F32x2,"data_offsets":[8,16]},"a":{@F32x2,"data_offsets":[0,8]},"e":{"dtype":"BOOL","shape":[0],"data_offsets":[16,16]}}""";
        var path = Write(Encoding.UTF8.GetBytes(header.Replace("@F32x2", F32x2, StringComparison.Ordinal)), 16);

        var (tensors, metadata) = safetensors.load_file_with_metadata(path);

        Assert.Equal(["a", "b", "e"], tensors.Keys.Order());
        Assert.Equal([2L], tensors["b"].shape);
        Assert.Equal([0L], tensors["e"].shape);
        Assert.Equal("v", metadata["k"]);
    }

    /// <summary>A file load_file could not read back is never written: refused at save time, naming the file.</summary>
    [Fact]
    public void Save_TensorPastTheElementLimit_IsRefusedAndNothingIsWritten()
    {
        var path = Path.Combine(folder, "big.safetensors");

        var error = Assert.Throws<ArgumentException>(() => safetensors.save_file(new Dictionary<string, Tensor> { ["big"] = ones(1).expand(1L << 31) }, path));

        Assert.StartsWith($"safetensors.save_file: tensor 'big' for '{path}': a tensor of shape [2147483648]", error.Message);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void Save_FilePastWhatLoadCanRead_IsRefusedAndNothingIsWritten()
    {
        var path = Path.Combine(folder, "big.safetensors");
        var half = ones(1).expand(300_000_000); // two of them: 2.4 GB of float32, past the 2 GB one array holds

        var error = Assert.Throws<ArgumentException>(() => safetensors.save_file(new Dictionary<string, Tensor> { ["a"] = half, ["b"] = half }, path));

        Assert.Contains($"'{path}' would be 2", error.Message);
        Assert.Contains("that load_file can read back", error.Message);
        Assert.Empty(Directory.GetFiles(folder));
    }
}
