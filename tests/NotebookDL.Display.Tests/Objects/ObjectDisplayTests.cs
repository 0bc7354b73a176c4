using NotebookDL.Display;
using static NotebookDL.torch;

namespace NotebookDL.Display.Tests.Objects;

public class ObjectDisplayTests
{
    [Fact]
    public void TensorDisplay_Matrix_ShowsHeaderPreviewAndHtmlTable()
    {
        var t = arange(6).reshape(2, 3).to(ScalarType.Float32) / 4;

        var bundle = NotebookDL.Display.Formatter.ToMimeBundle(t);

        Assert.StartsWith("Tensor shape=[2, 3] dtype=torch.float32 device=cpu requires_grad=False\ntensor([[0.0000, 0.2500, 0.5000],", bundle.Text);
        var html = bundle[MimeBundle.Html];
        Assert.Contains("<table", html);
        Assert.Contains(">1.2500</td>", html);
    }

    [Fact]
    public void TensorDisplay_LargeMatrix_ShowsCornersWithEllipses()
    {
        var display = TensorDisplay.From(arange(40 * 30).reshape(40, 30));

        Assert.Equal([0L, 1, 2, 3, 4, 5, 6, 7, 32, 33, 34, 35, 36, 37, 38, 39], display.RowIndices);
        Assert.Equal(1199, display.Cells[^1][^1]);
        Assert.Contains("…", display.ToHtml());
        Assert.Contains("⋮", display.ToHtml());
    }

    [Fact]
    public void TensorDisplay_RequiresGradAndGradFn_AreShown()
    {
        var w = ones(3).requires_grad_();
        var y = w * 2;

        Assert.Contains("requires_grad=True", TensorDisplay.From(w).Header);
        Assert.Contains("grad_fn=", TensorDisplay.From(y).Header);
        Assert.Contains("<pre", TensorDisplay.From(y).ToHtml()); // 1-D: preview, no table
    }

    [Fact]
    public void TensorDisplay_Golden_MatchesTextAndHtml()
    {
        var bundle = TensorDisplay.From(tensor(new long[] { 1, -2, 30, 4, 5, 600 }, [3, 2])).ToMimeBundle();

        Golden.Verify("tensor_int64.txt", bundle.Text);
        Golden.Verify("tensor_int64.html", bundle[MimeBundle.Html]);
    }

    [Fact]
    public void ModuleDisplay_Cnn_IsPrintModelTextAndTreeHtml()
    {
        var model = TextbookModels.NestedWithBatchNorm();

        var bundle = NotebookDL.Display.Formatter.ToMimeBundle(model);

        Assert.Equal(model.ToString(), bundle.Text);
        Assert.Contains("<details open", bundle[MimeBundle.Html]);
        Assert.Contains("15,786 params", bundle[MimeBundle.Html]);
        Golden.Verify("module_nested_batchnorm.txt", bundle.Text);
        Golden.Verify("module_nested_batchnorm.html", bundle[MimeBundle.Html]);
    }

    [Theory]
    [InlineData("mnist_mlp")]
    [InlineData("mnist_cnn")]
    [InlineData("cifar_baseline")]
    public void ModuleDisplay_TextbookModel_MatchesGoldenTextAndHtml(string name)
    {
        var model = name switch
        {
            "mnist_mlp" => TextbookModels.MnistMlp(),
            "mnist_cnn" => TextbookModels.MnistCnn(),
            _ => TextbookModels.CifarBaseline(),
        };

        var bundle = ModuleDisplay.From(model).ToMimeBundle();

        Golden.Verify($"module_{name}.txt", bundle.Text);
        Golden.Verify($"module_{name}.html", bundle[MimeBundle.Html]);
    }

    [Fact]
    public void ModuleDisplay_FrozenParameters_CountedSeparately()
    {
        var model = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1));
        foreach (var p in model.children().First().parameters()) p.requires_grad = false;

        var display = ModuleDisplay.From(model);

        Assert.Equal("Total params: 13 (trainable: 4)", display.ParameterLine);
    }
}
