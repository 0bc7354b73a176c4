using static NotebookDL.torch;

namespace NotebookDL.Tests.NN;

/// <summary>
/// Finite-difference checks of every layer's gradients with respect to its input and its parameters. Inputs are
/// kept away from kinks (ReLU at 0, max-pool ties) so the numerical derivative is well defined.
/// </summary>
[Collection(SeededCollection.Name)]
public class LayerGradCheckTests
{
    public static TheoryData<string> Layers() =>
    [
        "Linear", "LinearNoBias", "Linear3d", "Conv2d", "Conv2dStridedPadded", "Conv2dSame", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d",
        "BatchNorm1dTrain", "BatchNorm1dEval", "BatchNorm2dTrain", "BatchNorm2dEval", "Flatten", "Identity", "DropoutTrain",
        "ReLU", "Sigmoid", "Tanh", "LeakyReLU", "Softmax", "LogSoftmax", "GELU", "Sequential",
    ];

    [Theory]
    [MemberData(nameof(Layers))]
    public void GradCheck_Layer_AnalyticalMatchesNumerical(string layer)
    {
        manual_seed(7);
        var (module, input) = Build(layer);
        var inputs = new[] { input.requires_grad_() }.Concat(module.parameters()).ToArray();
        // Dropout draws a new mask per call; reseeding makes every evaluation use the same one.
        Func<Tensor[], Tensor> f = layer == "DropoutTrain"
            ? xs => { manual_seed(3); return module.call(xs[0]); }
            : xs => module.call(xs[0]);
        Assert.True(autograd.gradcheck(f, inputs));
    }

    private static (nn.Module<Tensor, Tensor> module, Tensor input) Build(string layer)
    {
        switch (layer)
        {
            case "Linear": return (nn.Linear(5, 3), randn(4, 5));
            case "LinearNoBias": return (nn.Linear(5, 3, hasBias: false), randn(4, 5));
            case "Linear3d": return (nn.Linear(4, 2), randn(2, 3, 4));
            case "Conv2d": return (nn.Conv2d(2, 3, 3), randn(2, 2, 5, 5));
            case "Conv2dStridedPadded": return (nn.Conv2d(2, 3, (3, 2), stride: (2, 1), padding: (1, 0), dilation: (1, 2)), randn(1, 2, 6, 6));
            case "Conv2dSame": return (nn.Conv2d(2, 2, 2, Padding.Same), randn(1, 2, 4, 4));
            case "MaxPool2d": return (nn.MaxPool2d(3, stride: 2, padding: 1), Distinct(2, 2, 6, 6));
            case "AvgPool2d": return (nn.AvgPool2d(3, stride: 2, padding: 1), randn(2, 2, 6, 6));
            case "AdaptiveAvgPool2d": return (nn.AdaptiveAvgPool2d((3, 2)), randn(2, 2, 7, 5));
            case "BatchNorm1dTrain": return (Affine(nn.BatchNorm1d(3)), randn(4, 3, 2) * 2 + 1);
            case "BatchNorm1dEval": return (Eval(Affine(nn.BatchNorm1d(3))), randn(4, 3));
            case "BatchNorm2dTrain": return (Affine(nn.BatchNorm2d(2)), randn(3, 2, 2, 2));
            case "BatchNorm2dEval": return (Eval(Affine(nn.BatchNorm2d(2))), randn(3, 2, 2, 2));
            case "Flatten": return (nn.Flatten(), randn(2, 3, 2));
            case "Identity": return (nn.Identity(), randn(3, 2));
            case "DropoutTrain": return (nn.Dropout(0.4), randn(4, 5));
            case "ReLU": return (nn.ReLU(), AwayFromZero(3, 4));
            case "Sigmoid": return (nn.Sigmoid(), randn(3, 4) * 2);
            case "Tanh": return (nn.Tanh(), randn(3, 4));
            case "LeakyReLU": return (nn.LeakyReLU(0.2), AwayFromZero(3, 4));
            case "Softmax": return (nn.Softmax(1), randn(3, 4));
            case "LogSoftmax": return (nn.LogSoftmax(-1), randn(2, 3, 4));
            case "GELU": return (nn.GELU(), randn(3, 4) * 2);
            case "Sequential": return (nn.Sequential(nn.Linear(4, 6), nn.Tanh(), nn.Linear(6, 2)), randn(3, 4));
            default: throw new ArgumentException(layer);
        }
    }

    /// <summary>Random weight and bias: the default ones/zeros would leave the affine part untested.</summary>
    private static Modules.BatchNorm Affine(Modules.BatchNorm bn)
    {
        nn.init.uniform_(bn.weight!, 0.5, 1.5);
        nn.init.normal_(bn.bias!);
        using (no_grad())
        {
            bn.running_mean!.copy_(randn(bn.num_features) * 0.3);
            bn.running_var!.copy_(rand(bn.num_features) + 0.5);
        }
        return bn;
    }

    private static Modules.BatchNorm Eval(Modules.BatchNorm bn)
    {
        bn.eval();
        return bn;
    }

    private static Tensor AwayFromZero(long rows, long cols)
    {
        var x = randn(rows, cols);
        return x + x.sign() * 0.1;
    }

    /// <summary>A shuffled ramp: pairwise at least 0.1 apart, so each max-pool window has a clear winner.</summary>
    private static Tensor Distinct(params long[] shape)
    {
        var n = shape.Aggregate(1L, (a, b) => a * b);
        return (randperm(n).to(ScalarType.Float32) * 0.1 - n * 0.05).reshape(shape);
    }
}
