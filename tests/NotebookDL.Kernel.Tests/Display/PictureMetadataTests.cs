using System.Buffers.Binary;
using System.Text.Json.Nodes;
using NotebookDL.Display;
using NotebookDL.Kernel.Display;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Tests.Display;

public class PictureMetadataTests
{
    private const string Square = """<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30" viewBox="0 0 40 30"><rect width="40" height="30" fill="#1f77b4"/></svg>""";

    [Fact]
    public void For_PictureWithPngCopy_GivesThePngTheSvgSizeInCssPixels()
    {
        var data = KernelDisplayHost.ToJson(MimeBundle.Picture("a square", Square));

        var metadata = PictureMetadata.For(data);

        Assert.Equal("""{"image/png":{"width":40,"height":30}}""", metadata.ToJsonString());
        // why it is needed: the PNG itself is drawn larger than the SVG, for sharpness
        var png = Convert.FromBase64String(data[MimeBundle.Png]!.GetValue<string>());
        Assert.Equal(60, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
    }

    [Fact]
    public void For_SvgSizedOnlyByViewBox_UsesTheViewBoxSize()
    {
        var data = new JsonObject { [MimeBundle.Svg] = """<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 720.5 316">…</svg>""", [MimeBundle.Png] = "iVBORw0KGgo" };

        Assert.Equal("""{"image/png":{"width":720.5,"height":316}}""", PictureMetadata.For(data).ToJsonString());
    }

    [Fact]
    public void For_SvgWithoutPngOrTextOnly_GivesEmptyMetadata()
    {
        Assert.Empty(PictureMetadata.For(new JsonObject { [MimeBundle.Svg] = Square }));
        Assert.Empty(PictureMetadata.For(new JsonObject { [MimeBundle.PlainText] = "1 + 1", [MimeBundle.Png] = "iVBORw0KGgo" }));
    }

    [Fact]
    public void AddResult_CellEndsWithAPicture_SavesThePngDisplaySize()
    {
        var outputs = new NotebookOutputs();
        var cell = new JsonArray();
        outputs.StartCell(cell);

        outputs.AddResult(3, KernelDisplayHost.ToJson(MimeBundle.Picture("a square", Square)));

        Assert.Equal(40, cell[0]!["metadata"]!["image/png"]!["width"]!.GetValue<double>());
        Assert.Equal(30, cell[0]!["metadata"]!["image/png"]!["height"]!.GetValue<double>());
    }
}
