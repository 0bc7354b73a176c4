namespace NotebookDL.TorchSharp.Display.Tests;

public class DatasetImageTests
{
    /// <summary>Five 1×4×4 images of growing brightness, labelled 0, 1, 0, 1, 0, as TorchSharp's datasets give samples.</summary>
    private sealed class Stripes(string dataKey = "data") : torch.utils.data.Dataset
    {
        public override long Count => 5;

        public override Dictionary<string, Tensor> GetTensor(long index) => new()
        {
            [dataKey] = torch.full(1, 4, 4, (index + 1) / 5.0),
            ["label"] = torch.tensor(index % 2),
        };
    }

    [Fact]
    public void ShowImages_TorchSharpDataset_SameGridAsTheImagesCaptionedByClass()
    {
        TorchSharpNatives.EnsureLoaded();
        using var dataset = new Stripes();
        var images = torch.stack(Enumerable.Range(0, 3).Select(i => dataset.GetTensor(i)["data"]));
        var before = torch.Tensor.TotalCount;

        var grid = show_images(dataset, 1, 3, ["even", "odd"], "stripes");

        Assert.Equal(before, torch.Tensor.TotalCount); // the samples read were freed
        Assert.Equal(show_images(images, 1, 3, ["even", "odd", "even"], "stripes").ToSvg(), grid.ToSvg());
        Assert.Equal("stripes: 3 images in 1 × 3, each 1 × 4 × 4\n  even | odd | even", grid.ToText());
    }

    [Fact]
    public void ShowImages_TorchSharpDatasetWithoutClassNames_CaptionsLabelNumbers()
    {
        TorchSharpNatives.EnsureLoaded();
        using var dataset = new Stripes();

        Assert.Equal(["0", "1", "0", "1"], show_images(dataset, 2, 2).Tiles.Select(t => t.Caption.Single()));
    }

    [Fact]
    public void ShowImages_DatasetWithoutDataKey_NamesTheKeysItHas()
    {
        TorchSharpNatives.EnsureLoaded();
        using var dataset = new Stripes(dataKey: "image");

        var error = Assert.Throws<ArgumentException>(() => show_images(dataset, 1, 1));

        Assert.Contains("sample 0 has keys image, label", error.Message);
    }
}
