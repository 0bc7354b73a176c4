using static NotebookDL.torch;

namespace NotebookDL.Tests.NN;

/// <summary>Finite-difference checks of every loss's gradient with respect to its input, for each reduction.</summary>
public class LossGradCheckTests
{
    public static TheoryData<string, nn.Reduction> Cases()
    {
        var data = new TheoryData<string, nn.Reduction>();
        foreach (var loss in new[] { "MSE", "L1", "CrossEntropy", "CrossEntropyWeighted", "CrossEntropySmoothed", "CrossEntropySoft", "CrossEntropySpatial",
                                     "NLL", "NLLWeightedIgnore", "BCE", "BCEWithLogits", "BCEWithLogitsPosWeight" })
            foreach (var reduction in new[] { nn.Reduction.Mean, nn.Reduction.Sum, nn.Reduction.None })
                data.Add(loss, reduction);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradCheck_Loss_AnalyticalMatchesNumerical(string loss, nn.Reduction reduction)
    {
        manual_seed(11);
        var (module, input, target) = Build(loss, reduction);
        input.requires_grad_();
        // eps 1e-2: summed losses reach ~10, where float32 rounding swamps a 1e-3 step; the losses are smooth at this scale.
        Assert.True(autograd.gradcheck(xs => module.call(xs[0], target), [input], eps: 1e-2));
    }

    private static (nn.Module<Tensor, Tensor, Tensor>, Tensor, Tensor) Build(string loss, nn.Reduction r)
    {
        var classes = tensor(new long[] { 0, 2, 1, 3, 2 });
        var weight = tensor(new[] { 0.5f, 1.0f, 2.0f, 1.5f });
        switch (loss)
        {
            case "MSE": return (nn.MSELoss(r), randn(4, 3), randn(4, 3));
            case "L1":
                var t = randn(4, 3);
                var gap = randn(4, 3);
                return (nn.L1Loss(r), t + gap + gap.sign() * 0.1, t);
            case "CrossEntropy": return (nn.CrossEntropyLoss(reduction: r), randn(5, 4) * 2, classes);
            case "CrossEntropyWeighted": return (nn.CrossEntropyLoss(weight, ignore_index: 1, reduction: r), randn(5, 4), classes);
            case "CrossEntropySmoothed": return (nn.CrossEntropyLoss(weight, reduction: r, label_smoothing: 0.2), randn(5, 4), classes);
            case "CrossEntropySoft": return (nn.CrossEntropyLoss(reduction: r, label_smoothing: 0.1), randn(5, 4), softmax(randn(5, 4), 1));
            case "CrossEntropySpatial": return (nn.CrossEntropyLoss(reduction: r), randn(2, 4, 3), tensor(new long[] { 0, 3, 1, 2, 2, 0 }, [2, 3]));
            case "NLL": return (nn.NLLLoss(reduction: r), log_softmax(randn(5, 4), 1), classes);
            case "NLLWeightedIgnore":
                return (new ModuleFunc((x, y) => nn.functional.nll_loss(x, y, weight, r, ignore_index: 3)), log_softmax(randn(5, 4), 1), classes);
            case "BCE": return (nn.BCELoss(reduction: r), rand(4, 3) * 0.8 + 0.1, rand(4, 3));
            case "BCEWithLogits": return (nn.BCEWithLogitsLoss(reduction: r), randn(4, 3) * 3, rand(4, 3));
            case "BCEWithLogitsPosWeight":
                return (nn.BCEWithLogitsLoss(weight: rand(3) + 0.5, reduction: r, pos_weights: tensor(new[] { 2f, 0.5f, 1f })), randn(4, 3), rand(4, 3));
            default: throw new ArgumentException(loss);
        }
    }

    /// <summary>A two-input module around a functional form, for options the module constructors do not expose.</summary>
    private sealed class ModuleFunc(Func<Tensor, Tensor, Tensor> f) : nn.Module<Tensor, Tensor, Tensor>("ModuleFunc")
    {
        public override Tensor forward(Tensor input1, Tensor input2) => f(input1, input2);
    }
}
