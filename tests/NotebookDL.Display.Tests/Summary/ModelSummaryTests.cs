using NotebookDL.Display;
using NotebookDL.Modules;
using static NotebookDL.Display.Notebook;
using static NotebookDL.torch;

namespace NotebookDL.Display.Tests.Summary;

[Collection(SeededCollection.Name)]
public class ModelSummaryTests
{
    [Fact]
    public void Summary_MnistMlp_MatchesKerasRowsAndTotal()
    {
        var s = summary(TextbookModels.MnistMlp(), 784);

        Assert.Equal([401_920L, 0, 262_656, 0, 5_130], s.Rows.Select(r => r.Parameters));
        Assert.Equal(669_706, s.TotalParameters);
        Assert.Equal(669_706, s.TrainableParameters);
        Assert.Equal(0, s.NonTrainableParameters);
        Assert.Equal("(None, 512)", s.Rows[0].ShapeText);
        Assert.Equal([-1L, 10], s.OutputShape);
    }

    [Fact]
    public void Summary_MnistCnn_MatchesKerasRowsAndTotal()
    {
        var s = summary(TextbookModels.MnistCnn(), 1, 28, 28);

        Assert.Equal([320L, 18_496, 200_768, 650], s.Rows.Where(r => r.Parameters > 0).Select(r => r.Parameters));
        Assert.Equal(220_234, s.TotalParameters);
        Assert.Equal("(None, 32, 28, 28)", s.Rows[0].ShapeText);
        Assert.Equal("(None, 3136)", s.Rows[6].ShapeText);
    }

    [Fact]
    public void Summary_CifarBaseline_MatchesKerasRowsTotalAndShapes()
    {
        var s = summary(TextbookModels.CifarBaseline(), 3, 32, 32);

        Assert.Equal([208L, 2_080, 8_256, 512_500, 5_010], s.Rows.Where(r => r.Parameters > 0).Select(r => r.Parameters));
        Assert.Equal(528_054, s.TotalParameters);
        Assert.Equal("(None, 16, 32, 32)", s.Rows[0].ShapeText);
        Assert.Equal("(None, 64, 4, 4)", s.Rows[8].ShapeText);
        Assert.Contains("Total params: 528,054 (2.01 MB)", s.ToMimeBundle().Text);
    }

    [Theory]
    [InlineData("mnist_mlp", 784L, 0L, 0L)]
    [InlineData("mnist_cnn", 1L, 28L, 28L)]
    [InlineData("cifar_baseline", 3L, 32L, 32L)]
    [InlineData("nested_batchnorm", 1L, 28L, 28L)]
    public void Summary_TextbookModel_MatchesGoldenTextAndHtml(string name, long d0, long d1, long d2)
    {
        var model = name switch
        {
            "mnist_mlp" => TextbookModels.MnistMlp(),
            "mnist_cnn" => TextbookModels.MnistCnn(),
            "cifar_baseline" => TextbookModels.CifarBaseline(),
            _ => TextbookModels.NestedWithBatchNorm(),
        };
        long[] input = d1 == 0 ? [d0] : [d0, d1, d2];

        var bundle = summary(model, input, kernel_shape: name != "mnist_mlp", mult_adds: name != "mnist_mlp").ToMimeBundle();

        Golden.Verify($"summary_{name}.txt", bundle.Text);
        Golden.Verify($"summary_{name}.html", bundle[MimeBundle.Html]);
    }

    [Fact]
    public void Summary_BatchNorm_CountsRunningStatsAsNonTrainable()
    {
        var s = summary(TextbookModels.NestedWithBatchNorm(), 1, 28, 28);

        var bn = s.Rows.Single(r => r.Type == "BatchNorm2d");
        Assert.Equal(32, bn.Parameters); // gamma, beta, running mean, running variance: 4 × 8
        Assert.Equal(16, s.NonTrainableParameters);
        Assert.Equal(80 + 16 + 15_690, s.TrainableParameters);
        Assert.Equal(s.TrainableParameters + s.NonTrainableParameters, s.TotalParameters);
    }

    [Fact]
    public void Summary_NestedSequential_ShowsDepthAndContainerShapes()
    {
        var s = summary(TextbookModels.NestedWithBatchNorm(), 1, 28, 28);

        Assert.Equal(["features", "0", "1", "2", "3", "classifier", "0", "1"], s.Rows.Select(r => r.Name));
        Assert.Equal([0, 1, 1, 1, 1, 0, 1, 1], s.Rows.Select(r => r.Depth));
        Assert.Equal("(None, 8, 14, 14)", s.Rows[0].ShapeText);
        Assert.Equal("--", s.Rows[0].ParameterText);
        Assert.Contains("\n   0 (Conv2d)", s.ToMimeBundle().Text);
    }

    [Fact]
    public void Summary_MixedTrainEvalModes_RestoresEachModulesMode()
    {
        var model = TextbookModels.NestedWithBatchNorm();
        model.train();
        var bn = model.modules().OfType<BatchNorm2d>().Single();
        bn.eval();
        var runningMean = bn.running_mean!.clone();

        summary(model, 1, 28, 28);

        Assert.True(model.training);
        Assert.False(bn.training);
        Assert.True(model.modules().Where(m => m is not BatchNorm2d).All(m => m.training));
        Assert.Equal(runningMean.ToArray(), bn.running_mean!.ToArray());
    }

    [Fact]
    public void Summary_DoesNotConsumeRandomNumbers()
    {
        var model = TextbookModels.CifarBaseline();
        manual_seed(5);
        var expected = rand(3).ToArray();
        manual_seed(5);

        summary(model, 3, 32, 32);

        Assert.Equal(expected, rand(3).ToArray());
    }

    [Fact]
    public void Summary_WrongInputSize_NamesFailingLayer()
    {
        var error = Assert.Throws<InvalidOperationException>(() => summary(TextbookModels.MnistMlp(), 1, 28, 28));

        Assert.Contains("layer '0' (Linear)", error.Message);
        Assert.Contains("(None, 1, 28, 28)", error.Message);
    }

    [Fact]
    public void Summary_EmptyInputSize_ExplainsWhatIsExpected()
    {
        var error = Assert.Throws<ArgumentException>(() => summary(TextbookModels.MnistMlp()));

        Assert.Contains("without the batch dimension", error.Message);
    }

    private sealed class TwoBranch : nn.Module<Tensor, Tensor>
    {
        private readonly Linear left = nn.Linear(4, 3), right = nn.Linear(4, 3);

        public TwoBranch() : base(nameof(TwoBranch)) => RegisterComponents();

        public override Tensor forward(Tensor x) => left.call(x) + right.call(x);
    }

    [Fact]
    public void Summary_CustomContainer_ReportsItsOutputAndChildParameters()
    {
        var model = nn.Sequential(("branches", new TwoBranch()), ("act", nn.ReLU()));

        var s = summary(model, 4);

        Assert.Equal(["branches", "left", "right", "act"], s.Rows.Select(r => r.Name));
        Assert.Equal("(None, 3)", s.Rows[0].ShapeText);
        Assert.Equal("(None, 3)", s.Rows[1].ShapeText); // observed by a forward hook while TwoBranch ran
        Assert.Equal("(None, 3)", s.Rows[2].ShapeText);
        Assert.Equal(15, s.Rows[1].Parameters);
        Assert.Equal(30, s.TotalParameters);
        Assert.Equal([-1L, 3], s.OutputShape);
    }

    [Fact]
    public void Summary_CustomModelAtRoot_ListsChildrenWithModelOutputShape()
    {
        var s = summary(new TwoBranch(), 4);

        Assert.Equal(["left", "right"], s.Rows.Select(r => r.Name));
        Assert.Equal([-1L, 3], s.OutputShape);
        Assert.All(s.Rows, r => Assert.Equal("(None, 3)", r.ShapeText));
        Assert.Equal(2 * 4 * 3, s.MultAdds);
    }

    private sealed class Unused : nn.Module<Tensor, Tensor>
    {
        private readonly Linear used = nn.Linear(4, 2), spare = nn.Linear(9, 9);

        public Unused() : base(nameof(Unused)) => RegisterComponents();

        public override Tensor forward(Tensor x) => used.call(x);
    }

    [Fact]
    public void Summary_LayerTheForwardNeverCalls_KeepsAQuestionMark()
    {
        var s = summary(new Unused(), 4);

        Assert.Equal(["(None, 2)", "?"], s.Rows.Select(r => r.ShapeText));
    }
}
