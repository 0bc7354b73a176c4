using static NotebookDL.torch;

namespace NotebookDL.Tests.NN;

/// <summary>Common mistakes must fail with a message that names the layer, the shapes and a likely fix.</summary>
public class ErrorMessageTests
{
    public static TheoryData<string, string> ForwardMistakes() => new()
    {
        { "Linear on images", "Linear(in_features=784, out_features=512) expects input [*, 784] but got [32, 28, 28] — add nn.Flatten() first?" },
        { "Linear wrong width", "Linear(in_features=784, out_features=512) expects input [*, 784] but got [32, 100]: its last dimension must be 784." },
        { "Conv2d wrong channels", "Conv2d(3, 16, kernel_size=(3, 3)) expects input [N, 3, H, W] (or unbatched [3, H, W]) but got [8, 1, 28, 28]: dim 1 holds 1 channels, not 3." },
        { "Conv2d missing channel dim", "Conv2d(1, 16, kernel_size=(3, 3)) expects input [N, 1, H, W] (or unbatched [1, H, W]) but got [64, 28, 28] — add the channel dimension with x.unsqueeze(1)?" },
        { "Conv2d channels last", "but got [8, 28, 28, 3] — channels-last? reorder with x.permute(0, 3, 1, 2)." },
        { "Conv2d flat rows", "but got [8, 784] — flat rows? reshape them to images with x.view(-1, C, H, W)." },
        { "Conv2d image too small", "Conv2d(1, 1, kernel_size=(5, 5)): the input [1, 1, 3, 3] is 3 pixels high after padding, smaller than the 5-pixel kernel window." },
        { "BatchNorm2d channels", "BatchNorm2d(num_features=16) expects input [N, 16, H, W] but got [4, 8, 5, 5]: dim 1 holds 8 channels, not 16." },
        { "BatchNorm1d rank", "BatchNorm1d(num_features=4) expects input [N, 4] or [N, 4, L] but got [2, 4, 3, 3]." },
        { "BatchNorm single sample", "Expected more than 1 value per channel when training, got input size [1, 4]." },
        { "MaxPool2d flat input", "MaxPool2d(kernel_size=2) expects input [N, C, H, W] (or unbatched [C, H, W]) but got [8, 784]" },
        { "Linear int input", "expects a floating point input but got torch.int64" },
    };

    [Theory]
    [MemberData(nameof(ForwardMistakes))]
    public void Forward_BadInput_ExplainsShapesAndFix(string mistake, string expected)
    {
        Action act = mistake switch
        {
            "Linear on images" => () => nn.Linear(784, 512).call(randn(32, 28, 28)),
            "Linear wrong width" => () => nn.Linear(784, 512).call(randn(32, 100)),
            "Conv2d wrong channels" => () => nn.Conv2d(3, 16, 3).call(randn(8, 1, 28, 28)),
            "Conv2d missing channel dim" => () => nn.Conv2d(1, 16, 3).call(randn(64, 28, 28)),
            "Conv2d channels last" => () => nn.Conv2d(3, 16, 3).call(randn(8, 28, 28, 3)),
            "Conv2d flat rows" => () => nn.Conv2d(1, 16, 3).call(randn(8, 784)),
            "Conv2d image too small" => () => nn.Conv2d(1, 1, 5).call(randn(1, 1, 3, 3)),
            "BatchNorm2d channels" => () => nn.BatchNorm2d(16).call(randn(4, 8, 5, 5)),
            "BatchNorm1d rank" => () => nn.BatchNorm1d(4).call(randn(2, 4, 3, 3)),
            "BatchNorm single sample" => () => nn.BatchNorm1d(4).call(randn(1, 4)),
            "MaxPool2d flat input" => () => nn.MaxPool2d(2).call(randn(8, 784)),
            _ => () => nn.Linear(3, 1).call(tensor(new long[] { 1, 2, 3 })),
        };
        Assert.Contains(expected, Assert.Throws<ArgumentException>(act).Message);
    }

    public static TheoryData<string, string> ConstructorMistakes() => new()
    {
        { "Linear negative", "Linear: in_features and out_features must be non-negative, got in_features=-1, out_features=3." },
        { "Conv2d zero channels", "Conv2d: in_channels and out_channels must be positive" },
        { "Conv2d zero kernel", "Conv2d: kernel_size must be positive, got [0, 0]." },
        { "Conv2d zero stride", "Conv2d: stride must be positive, got [0, 0]." },
        { "Conv2d negative padding", "Conv2d: padding must be non-negative, got [-1, -1]." },
        { "Conv2d same strided", "Conv2d: padding=same is not supported for strided convolutions" },
        { "BatchNorm zero features", "BatchNorm1d: num_features must be positive, got 0." },
        { "Dropout p=1", "Dropout: p is the probability of zeroing an element and must be in [0, 1), got 1." },
        { "Dropout negative", "must be in [0, 1), got -0.1." },
        { "MaxPool2d zero kernel", "MaxPool2d: kernel_size must be positive, got [0]." },
        { "MaxPool2d big padding", "MaxPool2d: padding 2 should be at most half of the kernel size 2." },
        { "AdaptiveAvgPool2d zero", "AdaptiveAvgPool2d: output_size must be positive, got [0]." },
        { "CrossEntropy smoothing", "CrossEntropyLoss: label_smoothing must be between 0.0 and 1.0, got 1.5." },
    };

    [Theory]
    [MemberData(nameof(ConstructorMistakes))]
    public void Constructor_InvalidArgument_Rejected(string mistake, string expected)
    {
        Action act = mistake switch
        {
            "Linear negative" => () => nn.Linear(-1, 3),
            "Conv2d zero channels" => () => nn.Conv2d(0, 3, 3),
            "Conv2d zero kernel" => () => nn.Conv2d(1, 3, 0),
            "Conv2d zero stride" => () => nn.Conv2d(1, 3, 3, stride: 0),
            "Conv2d negative padding" => () => nn.Conv2d(1, 3, 3, padding: -1),
            "Conv2d same strided" => () => nn.Conv2d(1, 3, 3, Padding.Same, stride: 2),
            "BatchNorm zero features" => () => nn.BatchNorm1d(0),
            "Dropout p=1" => () => nn.Dropout(1.0),
            "Dropout negative" => () => nn.Dropout(-0.1),
            "MaxPool2d zero kernel" => () => nn.MaxPool2d(0),
            "MaxPool2d big padding" => () => nn.MaxPool2d(2, padding: 2),
            "AdaptiveAvgPool2d zero" => () => nn.AdaptiveAvgPool2d(0),
            _ => () => nn.CrossEntropyLoss(label_smoothing: 1.5),
        };
        Assert.Contains(expected, Assert.Throws<ArgumentException>(act).Message);
    }

    [Fact]
    public void Constructor_UnsupportedOption_SaysNotSupported()
    {
        Assert.Contains("groups=2", Assert.Throws<NotSupportedException>(() => nn.Conv2d(4, 4, 3, groups: 2)).Message);
        Assert.Contains("ceil_mode", Assert.Throws<NotSupportedException>(() => nn.MaxPool2d(2, ceil_mode: true)).Message);
        Assert.Contains("torch.int64", Assert.Throws<NotSupportedException>(() => nn.Linear(2, 2, dtype: ScalarType.Int64)).Message);
    }

    public static TheoryData<string, string> LossMistakes() => new()
    {
        { "CE float index targets", "cross_entropy: class-index targets must be int64, got torch.float32 with shape [4]; convert them with target.to(torch.int64)." },
        { "CE float targets wrong shape", "cross_entropy: for input [4, 3] the target must be class indices [4] (int64) or class probabilities [4, 3] (float32), but got torch.float32 with shape [4, 2]." },
        { "CE index out of range", "cross_entropy: target 7 at position 2 is out of range for 3 classes (valid class indices are 0..2)." },
        { "CE negative index", "cross_entropy: target -1 at position 0 is out of range for 3 classes" },
        { "CE column targets", "cross_entropy: input [4, 3] (classes in dim 1) needs class-index targets of shape [4], but got [4, 1]. Drop the trailing 1 with target.squeeze(-1)." },
        { "CE weight size", "cross_entropy: weight must have one entry per class, shape [3], but got [2]." },
        { "NLL float targets", "nll_loss: class-index targets must be int64" },
        { "MSE column vs row", "mse_loss: target shape [4] must match input shape [4, 1]; broadcasting them would compare every prediction with every target. Use input.squeeze(-1) or target.unsqueeze(-1)." },
        { "MSE integer target", "mse_loss: target must be floating point (same dtype as the input), got torch.int64" },
        { "L1 shape", "l1_loss: target shape [3, 2] must match input shape [2, 3]" },
        { "BCE logits given", "binary_cross_entropy: all elements of input should be probabilities between 0 and 1, but element 1 is 1.5." },
        { "BCEWithLogits shape", "binary_cross_entropy_with_logits: target shape [4, 1] must match input shape [4]" },
    };

    [Theory]
    [MemberData(nameof(LossMistakes))]
    public void Loss_BadTarget_ExplainsMismatch(string mistake, string expected)
    {
        var logits = randn(4, 3);
        Action act = mistake switch
        {
            "CE float index targets" => () => nn.CrossEntropyLoss().call(logits, tensor(new[] { 0f, 1f, 2f, 1f })),
            "CE float targets wrong shape" => () => nn.CrossEntropyLoss().call(logits, rand(4, 2)),
            "CE index out of range" => () => nn.CrossEntropyLoss().call(logits, tensor(new long[] { 0, 1, 7, 2 })),
            "CE negative index" => () => nn.CrossEntropyLoss().call(logits, tensor(new long[] { -1, 1, 0, 2 })),
            "CE column targets" => () => nn.CrossEntropyLoss().call(logits, tensor(new long[] { 0, 1, 2, 1 }, [4, 1])),
            "CE weight size" => () => nn.CrossEntropyLoss(weight: ones(2)).call(logits, tensor(new long[] { 0, 1, 2, 1 })),
            "NLL float targets" => () => nn.NLLLoss().call(logits, zeros(4)),
            "MSE column vs row" => () => nn.MSELoss().call(randn(4, 1), randn(4)),
            "MSE integer target" => () => nn.MSELoss().call(randn(3), tensor(new long[] { 1, 2, 3 })),
            "L1 shape" => () => nn.L1Loss().call(randn(2, 3), randn(3, 2)),
            "BCE logits given" => () => nn.BCELoss().call(tensor(new[] { 0.5f, 1.5f }), ones(2)),
            _ => () => nn.BCEWithLogitsLoss().call(randn(4), rand(4, 1)),
        };
        Assert.Contains(expected, Assert.Throws<ArgumentException>(act).Message);
    }
}
