using static NotebookDL.torch;

namespace NotebookDL.Tests.NN;

/// <summary>print(model) output: notebooks show it, so it must read exactly like PyTorch's.</summary>
public class ModuleReprTests
{
    [Fact]
    public void ToString_Sequential_MatchesPyTorchPrint()
    {
        var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Dropout(0.2), nn.Linear(512, 10));
        Assert.Equal(
            "Sequential(\n" +
            "  (0): Flatten(start_dim=1, end_dim=-1)\n" +
            "  (1): Linear(in_features=784, out_features=512, bias=True)\n" +
            "  (2): ReLU()\n" +
            "  (3): Dropout(p=0.2, inplace=False)\n" +
            "  (4): Linear(in_features=512, out_features=10, bias=True)\n" +
            ")", model.ToString());
    }

    [Fact]
    public void ToString_CustomModule_IndentsNestedChildren()
    {
        Assert.Equal(
            "TinyCnn(\n" +
            "  (features): Sequential(\n" +
            "    (0): Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))\n" +
            "    (1): BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\n" +
            "    (2): ReLU()\n" +
            "    (3): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)\n" +
            "  )\n" +
            "  (classifier): Linear(in_features=1568, out_features=10, bias=True)\n" +
            ")", new TinyCnn().ToString());
    }

    public static TheoryData<string, string> Reprs() => new()
    {
        { "Conv2dSame", "Conv2d(3, 16, kernel_size=(5, 5), stride=(1, 1), padding=same, bias=False)" },
        { "Conv2dDilated", "Conv2d(2, 4, kernel_size=(3, 1), stride=(2, 1), dilation=(2, 2))" },
        { "AvgPool2d", "AvgPool2d(kernel_size=(2, 3), stride=(2, 3), padding=0)" },
        { "AdaptiveAvgPool2d", "AdaptiveAvgPool2d(output_size=(1, 1))" },
        { "LeakyReLU", "LeakyReLU(negative_slope=0.01)" },
        { "Softmax", "Softmax(dim=-1)" },
        { "LogSoftmax", "LogSoftmax(dim=1)" },
        { "GELU", "GELU(approximate='none')" },
        { "BatchNorm1d", "BatchNorm1d(4, eps=0.001, momentum=0.3, affine=True, track_running_stats=True)" },
        { "Identity", "Identity()" },
        { "Step", "Step()" },
        { "CrossEntropyLoss", "CrossEntropyLoss()" },
    };

    [Theory]
    [MemberData(nameof(Reprs))]
    public void ToString_Layer_MatchesPyTorchRepr(string layer, string expected)
    {
        nn.Module m = layer switch
        {
            "Conv2dSame" => nn.Conv2d(3, 16, 5, Padding.Same, bias: false),
            "Conv2dDilated" => nn.Conv2d(2, 4, (3, 1), stride: (2, 1), dilation: (2, 2)),
            "AvgPool2d" => nn.AvgPool2d((2, 3)),
            "AdaptiveAvgPool2d" => nn.AdaptiveAvgPool2d((1, 1)),
            "LeakyReLU" => nn.LeakyReLU(),
            "Softmax" => nn.Softmax(-1),
            "LogSoftmax" => nn.LogSoftmax(1),
            "GELU" => nn.GELU(),
            "BatchNorm1d" => nn.BatchNorm1d(4, eps: 1e-3, momentum: 0.3),
            "Identity" => nn.Identity(),
            "Step" => nn.Step(),
            _ => nn.CrossEntropyLoss(),
        };
        Assert.Equal(expected, m.ToString());
    }
}
