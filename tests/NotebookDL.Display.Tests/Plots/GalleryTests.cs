using NotebookDL.Display;

namespace NotebookDL.Display.Tests.Plots;

/// <summary>Every picture the project draws is checked as XML even where Chromium is not installed.</summary>
public class GalleryTests
{
    public static IEnumerable<object[]> Svgs => Gallery.Names(MimeBundle.Svg);

    [Theory]
    [MemberData(nameof(Svgs))]
    public void GallerySvg_Parsed_IsWellFormedWithViewBox(string name)
    {
        var item = Gallery.Items.Single(i => i.Name == name && i.MimeType == MimeBundle.Svg);

        SvgAssert.WellFormed(item.Content);
    }

    [Fact]
    public void GallerySvg_SameInputTwice_RendersIdentically()
    {
        var first = Notebook.plot([0.0, 1, 2], [0.0, 1, 4], "y", "Same").ToSvg();

        Assert.Equal(first, Notebook.plot([0.0, 1, 2], [0.0, 1, 4], "y", "Same").ToSvg());
    }
}
