using NotebookDL.Display;
using static NotebookDL.Display.Notebook;
using static NotebookDL.torch;

namespace NotebookDL.Display.Tests.Images;

public class ImageGridTests
{
    [Fact]
    public void PngEncoder_RoundTrip_DecodesToSamePixels()
    {
        var rgb = Enumerable.Range(0, 5 * 3 * 3).Select(i => (byte)(i * 17 % 256)).ToArray();

        var image = PngImage.Decode(PngEncoder.Encode(rgb, 5, 3, 3));

        Assert.Equal((5, 3), (image.Width, image.Height));
        for (int p = 0; p < 15; p++)
            Assert.Equal(rgb.AsSpan(p * 3, 3).ToArray(), image.Rgba.AsSpan(p * 4, 3).ToArray());
    }

    [Fact]
    public void PngEncoder_Greyscale_DecodesToGreyPixels()
    {
        var image = PngImage.Decode(PngEncoder.Encode([0, 128, 255, 7], 2, 2, 1));

        Assert.Equal([128, 128, 128, 255], image.Rgba.AsSpan(4, 4).ToArray());
    }

    [Fact]
    public void ShowImages_TenRowsOfCaptions_TextListsThreeRowsAndCountsTheRest()
    {
        var titles = Enumerable.Range(0, 20).Select(i => $"digit {i}").ToList();

        var lines = show_images(SyntheticImages.Mnist(20), 10, 2, titles).ToMimeBundle().Text.Split('\n');

        Assert.Equal(["Images: 20 images in 10 × 2, each 1 × 28 × 28", "  digit 0 | digit 1", "  digit 2 | digit 3", "  digit 4 | digit 5", "  … (14 more captions)"], lines);
    }

    [Fact]
    public void ShowImages_Cifar3x12_EmbedsOnePngPerImageAndFitsTheColumn()
    {
        var titles = Enumerable.Range(0, 36).Select(i => Fixtures.CifarClasses[i % 10]).ToList();

        var grid = show_images(SyntheticImages.Cifar(36), 3, 12, titles, "CIFAR-10 samples");
        var svg = grid.ToSvg();

        var doc = SvgAssert.WellFormed(svg);
        var pictures = doc.Descendants(SvgAssert.Svg + "image").ToList();
        Assert.Equal(36, pictures.Count);
        Assert.True(SvgAssert.Size(svg).width <= Theme.Width);
        Assert.True(svg.Length < 400_000, $"the grid is {svg.Length:N0} characters");
        Assert.Contains(SvgAssert.Texts(doc), t => t.StartsWith("auto", StringComparison.Ordinal) && t.EndsWith('…')); // shortened to fit under the image
        Assert.Contains("3 × 12, each 3 × 32 × 32", grid.ToMimeBundle().Text);
    }

    [Fact]
    public void ShowImages_Tile_KeepsPixelValues()
    {
        var image = zeros(1, 3, 2, 2);
        image[0, 0, 0, 1] = tensor(1.0f); // red at (x 1, y 0)

        var tile = show_images(image, 1, 1).Tiles[0];
        var decoded = PngImage.Decode(Convert.FromBase64String(tile.DataUri["data:image/png;base64,".Length..]));

        Assert.Equal([255, 0, 0, 255], decoded.Rgba.AsSpan(4, 4).ToArray());
        Assert.Equal([0, 0, 0, 255], decoded.Rgba.AsSpan(0, 4).ToArray());
    }

    [Fact]
    public void ShowImages_NormalizedValues_AreRescaledPerImage()
    {
        var tile = show_images(tensor(new float[] { -2, 0, 2, 6 }, [1, 1, 2, 2]), 1, 1).Tiles[0];

        Assert.Equal([0, 64, 128, 255], tile.Pixels);
    }

    [Fact]
    public void ShowImages_WrongChannels_Explains()
    {
        var error = Assert.Throws<ArgumentException>(() => show_images(zeros(2, 2, 8, 8), 1, 2));

        Assert.Contains("[1, H, W] or [3, H, W]", error.Message);
    }

    [Fact]
    public void PlotTopLosses_Logits_RanksByCrossEntropyAndFlagsMistakes()
    {
        var outputs = tensor(new float[] { 3, 0, 0, 0, 3, 0, 0, 0, 3, 0, 5, 0 }, [4, 3]); // sample 3 is confidently wrong
        var targets = tensor(new long[] { 0, 1, 2, 0 });

        var grid = plot_top_losses(SyntheticImages.Mnist(4), outputs, targets, k: 2, class_names: ["zero", "one", "two"]);

        Assert.Equal(2, grid.Tiles.Count);
        Assert.Equal("one/zero", grid.Tiles[0].Caption[0]);
        Assert.StartsWith("5.01 / 0.01", grid.Tiles[0].Caption[1]);
        Assert.Equal("#D55E00", grid.Tiles[0].CaptionColor);
        Assert.Equal(Theme.Text, grid.Tiles[1].CaptionColor);
        SvgAssert.WellFormed(grid.ToSvg());
    }

    [Fact]
    public void PlotTopLosses_Probabilities_AreNotSoftmaxedAgain()
    {
        var outputs = tensor(new float[] { 0.9f, 0.1f, 0.2f, 0.8f }, [2, 2]);

        var grid = plot_top_losses(SyntheticImages.Mnist(2), outputs, tensor(new long[] { 1, 1 }), k: 1);

        Assert.Equal("2.30 / 0.10", grid.Tiles[0].Caption[1]);
    }
}
