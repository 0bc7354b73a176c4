namespace NotebookDL.TorchSharp.Display.Tests;

public class SummaryTests
{
    [Fact]
    public void Summary_TorchSharpSequentialCnn_SameTableAsManagedEngine()
    {
        var (t, m) = Twins.Cnn();

        var onTorchSharp = summary(t, [1, 28, 28], kernel_shape: true, mult_adds: true);
        var onManaged = MD.Notebook.summary(m, [1, 28, 28], kernel_shape: true, mult_adds: true);

        Assert.Equal(onManaged.ToString(), onTorchSharp.ToString());
        Assert.Equal(onManaged.ToMimeBundle()["text/html"], onTorchSharp.ToMimeBundle()["text/html"]);
        // conv 8·(9+1) + batch norm 2·8 trainable and 2·8 running statistics + linear 1568·10+10
        Assert.Equal(80 + 16 + 15_690, onTorchSharp.TrainableParameters);
        Assert.Equal(16, onTorchSharp.NonTrainableParameters);
        Assert.Equal("(None, 8, 14, 14)", onTorchSharp.Rows.Single(r => r.Type == "MaxPool2d").ShapeText);
        Assert.Equal([-1L, 10], onTorchSharp.OutputShape);
    }

    [Fact]
    public void Summary_TorchSharpCustomModuleWithChildren_SameTableAsManagedEngine()
    {
        TorchSharpNatives.EnsureLoaded();
        var t = torch.nn.Sequential(("branches", new TwoBranch()), ("act", torch.nn.ReLU()));
        var m = M.nn.Sequential(("branches", new ManagedTwoBranch()), ("act", M.nn.ReLU()));

        var onTorchSharp = summary(t, 4);

        Assert.Equal(MD.Notebook.summary(m, 4).ToString(), onTorchSharp.ToString());
        Assert.Equal(["branches", "left", "right", "act"], onTorchSharp.Rows.Select(r => r.Name));
        Assert.All(onTorchSharp.Rows, r => Assert.Equal("(None, 3)", r.ShapeText)); // left and right observed by forward hooks
        Assert.Equal(30, onTorchSharp.TotalParameters);
    }

    [Fact]
    public void Summary_TorchSharpCustomModelAtRoot_SameTableAsManagedEngine()
    {
        TorchSharpNatives.EnsureLoaded();

        var onTorchSharp = summary(new TwoBranch(), 4);

        Assert.Equal(MD.Notebook.summary(new ManagedTwoBranch(), 4).ToString(), onTorchSharp.ToString());
        Assert.Equal("TwoBranch", onTorchSharp.ModelName);
        Assert.Equal(2 * 4 * 3, onTorchSharp.MultAdds);
    }

    [Fact]
    public void Summary_FrozenLayer_CountsItsParametersAsNonTrainable()
    {
        TorchSharpNatives.EnsureLoaded();
        var t = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU(), torch.nn.Linear(3, 2));
        foreach (var p in ((torch.nn.Module)t.named_children().First().module).parameters()) p.requires_grad = false;

        var s = summary(t, 4);

        Assert.Equal(8, s.TrainableParameters);
        Assert.Equal(15, s.NonTrainableParameters);
        Assert.Contains("Non-trainable params: 15", s.ToString());
    }

    [Fact]
    public void Summary_ModelInTrainingMode_RestoresEveryModuleFlag()
    {
        var (t, _) = Twins.Cnn();
        t.train();
        var dropout = t.named_children().Single(c => c.module is global::TorchSharp.Modules.Dropout).module;
        dropout.eval(); // a child's own flag must survive as well

        summary(t, 1, 28, 28);

        Assert.True(t.training);
        Assert.False(dropout.training);
        Assert.All(t.named_children().Where(c => c.module != dropout), c => Assert.True(c.module.training, c.name));
    }

    [Fact]
    public void Summary_DryRun_ConsumesNoRandomNumbers()
    {
        var (t, _) = Twins.Cnn();
        torch.manual_seed(7);
        var expected = torch.rand(4).data<float>().ToArray();

        torch.manual_seed(7);
        summary(t, 1, 28, 28);
        var afterSummary = torch.rand(4).data<float>().ToArray();

        Assert.Equal(expected, afterSummary);
    }

    [Fact]
    public void Summary_WrongInputSize_NamesTheFailingLayer()
    {
        TorchSharpNatives.EnsureLoaded();
        var t = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU(), torch.nn.Linear(5, 2));

        var error = Assert.Throws<InvalidOperationException>(() => summary(t, 4));

        // libtorch's reason without the C++ stack frames its message goes on with
        Assert.Equal("summary: layer '2' (Linear) failed on an input of shape (None, 3): mat1 and mat2 shapes cannot be multiplied (1x3 and 5x2)", error.Message);
    }
}
