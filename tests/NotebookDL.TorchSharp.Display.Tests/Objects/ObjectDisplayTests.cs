namespace NotebookDL.TorchSharp.Display.Tests;

public class ObjectDisplayTests
{
    private static readonly float[] Values = [1, 2.5f, -3, 0.125f, 4, 5];

    [Fact]
    public void ToMimeBundle_TorchSharpMatrix_SameHeaderAndTableAsManagedEngine()
    {
        var (t, m) = Twins.Floats(Values, 2, 3);

        var onTorchSharp = Formatter.ToMimeBundle(t);
        var onManaged = MD.Formatter.ToMimeBundle(m);

        Assert.Equal(onManaged["text/html"], onTorchSharp["text/html"]);
        Assert.StartsWith("Tensor shape=[2, 3] dtype=torch.float32 device=cpu requires_grad=False\n", onTorchSharp.Text);
        Assert.Equal(onManaged.Text.Split('\n')[0], onTorchSharp.Text.Split('\n')[0]);
        Assert.Contains(">2.5000</td>", onTorchSharp["text/html"]);
    }

    [Fact]
    public void ToMimeBundle_TorchSharpVector_ShowsTheValuesUnderTheHeader()
    {
        var (t, _) = Twins.Floats(Values, 6);

        var text = Formatter.ToMimeBundle(t.requires_grad_()).Text;

        Assert.StartsWith("Tensor shape=[6] dtype=torch.float32 device=cpu requires_grad=True\n", text);
        Assert.Contains("2.5000", text);
        Assert.Contains("-3.0000", text);
    }

    [Fact]
    public void DtypeName_TorchSharpOnlyDtypes_UsePyTorchNames()
    {
        Assert.Equal("torch.uint8", TensorDisplay.DtypeName(torch.ScalarType.Byte));
        Assert.Equal("torch.float64", TensorDisplay.DtypeName(torch.ScalarType.Float64));
        Assert.Equal("torch.int32", TensorDisplay.DtypeName(torch.ScalarType.Int32));
    }

    [Fact]
    public void ToMimeBundle_TorchSharpInt64Matrix_ShowsWholeNumbers()
    {
        var (t, m) = Twins.Longs(3, 1, 4, 1);

        var onTorchSharp = Formatter.ToMimeBundle(t.reshape(2, 2));

        Assert.Equal(MD.Formatter.ToMimeBundle(m.reshape(2, 2))["text/html"], onTorchSharp["text/html"]);
        Assert.Contains("dtype=torch.int64", onTorchSharp.Text);
    }

    [Fact]
    public void ToMimeBundle_TorchSharpModule_PrintsAsTheManagedEngineDoes()
    {
        var (t, m) = Twins.Cnn();

        var onTorchSharp = Formatter.ToMimeBundle(t);
        var onManaged = MD.Formatter.ToMimeBundle(m);

        Assert.Equal(onManaged.Text, onTorchSharp.Text);
        Assert.Equal(onManaged["text/html"], onTorchSharp["text/html"]);
        Assert.Contains("(0): Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))", onTorchSharp.Text);
        Assert.Contains("(1): BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", onTorchSharp.Text);
        Assert.Contains("Total params: 15,786 (trainable: 15,786)", onTorchSharp["text/html"]);
    }

    [Fact]
    public void ToMimeBundle_TorchSharpCustomModule_ListsItsChildren()
    {
        TorchSharpNatives.EnsureLoaded();

        var text = Formatter.ToMimeBundle(new TwoBranch()).Text;

        Assert.Equal(MD.Formatter.ToMimeBundle(new ManagedTwoBranch()).Text, text);
        Assert.Equal("TwoBranch(\n  (left): Linear(in_features=4, out_features=3, bias=True)\n  (right): Linear(in_features=4, out_features=3, bias=True)\n)", text);
    }

    [Fact]
    public void HasRichDisplay_TorchSharpTypes_True()
    {
        Assert.True(Formatter.HasRichDisplay(typeof(Tensor)));
        Assert.True(Formatter.HasRichDisplay(typeof(global::TorchSharp.Modules.Sequential)));
        Assert.True(Formatter.HasRichDisplay(typeof(History)));
    }

    [Fact]
    public void ToMimeBundle_PoolingAndGeluLayers_PrintTheirConfigurationAsTheManagedEngineDoes()
    {
        TorchSharpNatives.EnsureLoaded();
        var onTorchSharp = Formatter.ToMimeBundle(torch.nn.Sequential(torch.nn.GELU(), torch.nn.AdaptiveAvgPool2d([1, 1]))).Text;
        var onManaged = MD.Formatter.ToMimeBundle(M.nn.Sequential(M.nn.GELU(), M.nn.AdaptiveAvgPool2d([1, 1]))).Text;

        Assert.Equal(onManaged, onTorchSharp);
        Assert.Contains("(0): GELU(approximate='none')", onTorchSharp);
        Assert.Contains("(1): AdaptiveAvgPool2d(output_size=(1, 1))", onTorchSharp);
    }
}
