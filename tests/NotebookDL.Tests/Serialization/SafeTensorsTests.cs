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
