namespace NotebookDL.TorchSharp.Training.Tests.Serialization;

public sealed class SafeTensorsTests : TemporaryFolderTests
{
    [Fact]
    public void SaveFile_Float32Int64AndBool_LoadFileGivesTheSameValuesShapesAndDtypes()
    {
        TwoBlobs.Make(n: 1); // loads the natives
        var path = Path.Combine(Folder, "mixed.safetensors");
        var tensors = new Dictionary<string, Tensor>
        {
            ["weights"] = torch.tensor(new[] { 1.5f, -2.25f, 3e-8f, float.MaxValue, 0f, -0f }, [2, 3]),
            ["counts"] = torch.tensor(new[] { long.MinValue, 0L, 42L }),
            ["mask"] = torch.tensor(new[] { true, false, true, true }, [2, 2]),
        };

        safetensors.save_file(tensors, path, new Dictionary<string, string> { ["note"] = "written by TorchSharp" });
        var (loaded, metadata) = safetensors.load_file_with_metadata(path);

        Assert.Equal("written by TorchSharp", metadata["note"]);
        Assert.Equal([2L, 3], loaded["weights"].shape);
        Assert.Equal(tensors["weights"].data<float>().ToArray(), loaded["weights"].data<float>().ToArray());
        Assert.Equal(torch.ScalarType.Int64, loaded["counts"].dtype);
        Assert.Equal([long.MinValue, 0L, 42L], loaded["counts"].data<long>().ToArray());
        Assert.Equal(torch.ScalarType.Bool, loaded["mask"].dtype);
        Assert.Equal([true, false, true, true], loaded["mask"].data<bool>().ToArray());
    }

    [Fact]
    public void SaveFile_Float64Tensor_RefusesItByDtypeAndNamesTheFix()
    {
        TwoBlobs.Make(n: 1);
        var path = Path.Combine(Folder, "double.safetensors");

        var error = Assert.Throws<NotSupportedException>(() =>
            safetensors.save_file(new Dictionary<string, Tensor> { ["w"] = torch.ones(2, dtype: torch.float64) }, path));

        Assert.Contains("not Float64", error.Message);
        Assert.Contains("model.to(torch.float32)", error.Message);
        Assert.False(File.Exists(path));
    }

    /// <summary>TorchSharp holds tensors of 2³¹ elements and more, which load_file could not read back: refused at save time.</summary>
    [Fact]
    public void SaveFile_TensorOf2To31Elements_IsRefusedBeforeAnythingIsWritten()
    {
        TwoBlobs.Make(n: 1);
        var path = Path.Combine(Folder, "big.safetensors");
        using var big = torch.ones(1).expand(1L << 31); // a view: no memory behind its 2³¹ elements

        var error = Assert.Throws<ArgumentException>(() => safetensors.save_file(new Dictionary<string, Tensor> { ["big"] = big }, path));

        Assert.StartsWith($"safetensors.save_file: tensor 'big' for '{path}': a tensor of shape [2147483648]", error.Message);
        Assert.Empty(Directory.GetFiles(Folder));
    }
}
