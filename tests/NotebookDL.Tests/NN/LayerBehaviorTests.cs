using NotebookDL.Modules;
using static NotebookDL.torch;

namespace NotebookDL.Tests.NN;

[Collection(SeededCollection.Name)]
public class LayerBehaviorTests
{
    [Fact]
    public void Dropout_SameSeed_SameMask()
    {
        var dropout = nn.Dropout(0.5);
        var x = ones(8, 16);
        manual_seed(42);
        var first = dropout.call(x);
        manual_seed(42);
        var second = dropout.call(x);
        Assert.True(first.Equals(second));
        Assert.False(first.Equals(dropout.call(x)));
    }

    [Fact]
    public void Dropout_Eval_ReturnsInputUnchanged()
    {
        var dropout = nn.Dropout(0.7);
        dropout.eval();
        var x = randn(4, 5);
        Assert.Same(x, dropout.call(x));
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Dropout_Train_ZeroesAboutPAndScalesSurvivorsByInverseKeep(double p)
    {
        manual_seed(5);
        var y = nn.Dropout(p).call(ones(200, 200)).data<float>();
        var zeroFraction = y.Count(v => v == 0) / (double)y.Length;
        Assert.InRange(zeroFraction, p - 0.02, p + 0.02);
        Assert.All(y.Where(v => v != 0), v => Assert.Equal(1 / (1 - p), v, 5));
    }

    [Fact]
    public void Dropout_Train_GradientFlowsOnlyThroughKeptElements()
    {
        manual_seed(9);
        var x = ones(10, 10).requires_grad_();
        var y = nn.Dropout(0.5).call(x);
        y.sum().backward();
        Assert.True(x.grad!.allclose(y.detach()));
    }

    [Fact]
    public void BatchNorm_Train_NormalizesWithBatchStatsAndUpdatesRunningStats()
    {
        manual_seed(3);
        var bn = nn.BatchNorm2d(3);
        var x = randn(8, 3, 4, 4) * 3 + 2;
        var y = bn.call(x);

        var dims = new long[] { 0, 2, 3 };
        Assert.True(y.mean(dims).allclose(zeros(3), atol: 1e-5));
        Assert.True(y.var(dims, unbiased: false).allclose(ones(3), atol: 1e-3));
        Assert.True(bn.running_mean!.allclose(x.mean(dims) * 0.1, atol: 1e-6));
        Assert.True(bn.running_var!.allclose(x.var(dims, unbiased: true) * 0.1 + 0.9, atol: 1e-5));
        Assert.Equal(1L, bn.num_batches_tracked!.item<long>());
    }

    [Fact]
    public void BatchNorm_Eval_UsesRunningStatsAndLeavesThemAlone()
    {
        var bn = nn.BatchNorm1d(2, eps: 0);
        using (no_grad())
        {
            bn.running_mean!.copy_(tensor(new[] { 1f, -1f }));
            bn.running_var!.copy_(tensor(new[] { 4f, 0.25f }));
        }
        bn.eval();
        var y = bn.call(tensor(new[] { 3f, 0f, 5f, -2f }, [2, 2]));
        Assert.True(y.allclose(tensor(new[] { 1f, 2f, 2f, -2f }, [2, 2])));
        Assert.True(bn.running_mean!.allclose(tensor(new[] { 1f, -1f })));
        Assert.Equal(0L, bn.num_batches_tracked!.item<long>());
    }

    [Fact]
    public void BatchNorm_TrainThenEval_GiveDifferentOutputs()
    {
        manual_seed(4);
        var bn = nn.BatchNorm1d(3);
        var x = randn(16, 3) * 2 + 5;
        var train = bn.call(x);
        bn.eval();
        var eval = bn.call(x);
        Assert.False(train.allclose(eval, atol: 1e-2));
    }

    [Fact]
    public void BatchNorm_MomentumNull_KeepsCumulativeAverage()
    {
        var bn = nn.BatchNorm1d(1);
        bn.momentum = null;
        bn.call(tensor(new[] { 1f, 3f }, [2, 1]));
        bn.call(tensor(new[] { 5f, 7f }, [2, 1]));
        Assert.Equal(4f, bn.running_mean!.item<float>(), 5);
        Assert.Equal(2L, bn.num_batches_tracked!.item<long>());
    }

    [Fact]
    public void BatchNorm_WithoutRunningStats_HasNoBuffersAndUsesBatchStatsInEval()
    {
        var bn = nn.BatchNorm1d(2, affine: false, track_running_stats: false);
        Assert.Empty(bn.state_dict());
        bn.eval();
        var y = bn.call(tensor(new[] { 1f, 10f, 3f, 30f }, [2, 2]));
        Assert.True(y.allclose(tensor(new[] { -1f, -1f, 1f, 1f }, [2, 2]), atol: 1e-4));
    }

    [Fact]
    public void LinearAndConv_DefaultInit_WithinPyTorchFanInBoundAndSeeded()
    {
        manual_seed(21);
        var linear = nn.Linear(100, 50);
        var conv = nn.Conv2d(4, 8, 3);
        var linearBound = 1 / Math.Sqrt(100);
        var convBound = 1 / Math.Sqrt(4 * 9);
        Assert.InRange(linear.weight.abs().max().item<float>(), 0.9 * linearBound, linearBound);
        Assert.InRange(linear.bias!.abs().max().item<float>(), 0.5 * linearBound, linearBound);
        Assert.InRange(conv.weight.abs().max().item<float>(), 0.9 * convBound, convBound);
        manual_seed(21);
        Assert.True(nn.Linear(100, 50).weight.Equals(linear.weight));
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    public void Conv2d_PaddingSame_KeepsHeightAndWidth(long kernel, long dilation)
    {
        var conv = nn.Conv2d(2, 5, kernel, Padding.Same, dilation: dilation);
        Assert.Equal([3L, 5, 7, 6], conv.call(randn(3, 2, 7, 6)).shape);
    }

    [Fact]
    public void Conv2d_UnbatchedInput_KeepsRank()
    {
        Assert.Equal([4L, 3, 3], nn.Conv2d(2, 4, 3).call(randn(2, 5, 5)).shape);
    }

    [Fact]
    public void Step_Input_IsHeavisideWithThreshold()
    {
        var x = tensor(new[] { -1f, 0f, 0.5f, 2f });
        Assert.True(nn.Step().call(x).Equals(tensor(new[] { 0f, 1f, 1f, 1f })));
        Assert.True(nn.Step(1.0).call(x).Equals(tensor(new[] { 0f, 0f, 0f, 1f })));
    }

    [Fact]
    public void Linear_OneDimensionalInput_GivesOneDimensionalOutput()
    {
        Assert.Equal([3L], nn.Linear(4, 3).call(randn(4)).shape);
    }

    [Fact]
    public void Linear_FromParameters_UsesThemAsIs()
    {
        var w = nn.Parameter(tensor(new[] { 1f, 2f }, [1, 2]));
        var layer = nn.Linear(w, nn.Parameter(tensor(new[] { 0.5f })));
        Assert.Same(w, layer.weight);
        Assert.Equal(5.5f, layer.call(tensor(new[] { 1f, 2f })).item<float>());
    }

    [Fact]
    public void CrossEntropy_IgnoreIndex_SkipsThoseSamples()
    {
        var logits = randn(4, 3);
        var target = tensor(new long[] { 0, -100, 2, -100 });
        var loss = nn.CrossEntropyLoss(ignore_index: -100).call(logits, target);
        var kept = nn.CrossEntropyLoss().call(logits.index_select(0, tensor(new long[] { 0, 2 })), tensor(new long[] { 0, 2 }));
        Assert.Equal(kept.item<float>(), loss.item<float>(), 5);
    }

    [Fact]
    public void CrossEntropy_LargeLogits_StaysFinite()
    {
        var logits = tensor(new[] { 1000f, -1000f, 0f, 500f, 500f, -500f }, [2, 3]);
        var loss = nn.functional.cross_entropy(logits, tensor(new long[] { 1, 2 }), reduction: nn.Reduction.None);
        Assert.True(loss.allclose(tensor(new[] { 2000f, 1000f + MathF.Log(2) }), rtol: 1e-5));
    }

    [Fact]
    public void BCE_ProbabilityExactlyZeroOrOne_ClampsLogAtMinus100()
    {
        var p = tensor(new[] { 0f, 1f }).requires_grad_();
        var loss = nn.BCELoss(reduction: nn.Reduction.None).call(p, tensor(new[] { 1f, 0f }));
        Assert.True(loss.allclose(tensor(new[] { 100f, 100f })));
        loss.sum().backward();
        Assert.All(p.grad!.data<float>(), g => Assert.True(float.IsFinite(g)));
    }
}
