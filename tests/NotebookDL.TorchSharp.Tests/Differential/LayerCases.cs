using MNN = NotebookDL.torch.nn;
using TNN = TorchSharp.torch.nn;

namespace NotebookDL.TorchSharp.Tests.Differential;

/// <summary>The table of layers compared with libtorch: output, input gradient, parameter gradients, updated buffers.</summary>
static class LayerCases
{
    static LayerCase Layer(string name, long[] input, Func<MNN.Module<MT.Tensor, MT.Tensor>> managed, Func<TNN.Module<TT.Tensor, TT.Tensor>> torch,
        bool train = false, double rtol = 1e-5, double atol = 1e-5) => new(name, input, managed, torch, train, rtol, atol);

    static MNN.Module<MT.Tensor, MT.Tensor> Eval(MNN.Module<MT.Tensor, MT.Tensor> m) { m.eval(); return m; }
    static TNN.Module<TT.Tensor, TT.Tensor> Eval(TNN.Module<TT.Tensor, TT.Tensor> m) { m.eval(); return m; }

    public static readonly LayerCase[] All =
    [
        Layer("Linear", [5, 7], () => MNN.Linear(7, 3), () => TNN.Linear(7, 3)),
        Layer("Linear/no-bias-3d", [2, 4, 6], () => MNN.Linear(6, 5, hasBias: false), () => TNN.Linear(6, 5, hasBias: false)),
        Layer("Linear/large", [32, 256], () => MNN.Linear(256, 64), () => TNN.Linear(256, 64), rtol: 1e-4, atol: 1e-4),

        Layer("Conv2d/3x3", [2, 3, 8, 8], () => MNN.Conv2d(3, 4, 3), () => TNN.Conv2d(3, 4, 3)),
        Layer("Conv2d/stride2", [2, 3, 9, 9], () => MNN.Conv2d(3, 5, 3, stride: 2), () => TNN.Conv2d(3, 5, 3, stride: 2)),
        Layer("Conv2d/padding1", [2, 2, 7, 6], () => MNN.Conv2d(2, 3, 3, padding: 1), () => TNN.Conv2d(2, 3, 3, padding: 1)),
        Layer("Conv2d/stride2-padding2-5x5", [1, 3, 11, 10], () => MNN.Conv2d(3, 2, 5, stride: 2, padding: 2), () => TNN.Conv2d(3, 2, 5, stride: 2, padding: 2)),
        Layer("Conv2d/rectangular-kernel", [2, 2, 8, 9], () => MNN.Conv2d(2, 3, (2, 4), stride: (1, 2), padding: (1, 0)),
            () => TNN.Conv2d(2, 3, (2, 4), stride: (1, 2), padding: (1, 0))),
        Layer("Conv2d/dilation2", [1, 2, 9, 9], () => MNN.Conv2d(2, 3, 3, dilation: 2), () => TNN.Conv2d(2, 3, 3, dilation: 2)),
        Layer("Conv2d/padding-same", [1, 2, 7, 7], () => MNN.Conv2d(2, 3, 3, NotebookDL.Padding.Same), () => TNN.Conv2d(2, 3, 3, global::TorchSharp.Padding.Same)),
        Layer("Conv2d/no-bias-1x1", [2, 4, 5, 5], () => MNN.Conv2d(4, 6, 1, bias: false), () => TNN.Conv2d(4, 6, 1, bias: false)),
        Layer("Conv2d/large", [4, 16, 16, 16], () => MNN.Conv2d(16, 32, 3, padding: 1), () => TNN.Conv2d(16, 32, 3, padding: 1), rtol: 1e-4, atol: 1e-4),

        Layer("MaxPool2d/2", [2, 3, 8, 8], () => MNN.MaxPool2d(2), () => TNN.MaxPool2d(2)),
        Layer("MaxPool2d/3-stride2-padding1", [2, 2, 9, 7], () => MNN.MaxPool2d(3, stride: 2, padding: 1), () => TNN.MaxPool2d(3, stride: 2, padding: 1)),
        Layer("MaxPool2d/overlapping", [1, 2, 6, 6], () => MNN.MaxPool2d(3, stride: 1), () => TNN.MaxPool2d(3, stride: 1)),
        Layer("AvgPool2d/2", [2, 3, 8, 8], () => MNN.AvgPool2d(2), () => TNN.AvgPool2d(2)),
        Layer("AvgPool2d/padding-include-pad", [1, 2, 7, 7], () => MNN.AvgPool2d(3, stride: 2, padding: 1), () => TNN.AvgPool2d(3, stride: 2, padding: 1)),
        Layer("AvgPool2d/padding-exclude-pad", [1, 2, 7, 7], () => MNN.AvgPool2d(3, stride: 2, padding: 1, count_include_pad: false),
            () => TNN.AvgPool2d(3, stride: 2, padding: 1, count_include_pad: false)),
        Layer("AdaptiveAvgPool2d/1", [2, 3, 5, 7], () => MNN.AdaptiveAvgPool2d(1), () => TNN.AdaptiveAvgPool2d(1)),
        Layer("AdaptiveAvgPool2d/uneven", [2, 3, 7, 5], () => MNN.AdaptiveAvgPool2d((3, 2)), () => TNN.AdaptiveAvgPool2d((3, 2))),
        Layer("AdaptiveAvgPool2d/upsample", [1, 2, 3, 3], () => MNN.AdaptiveAvgPool2d(4), () => TNN.AdaptiveAvgPool2d(4)),

        Layer("BatchNorm1d/train", [8, 5], () => MNN.BatchNorm1d(5), () => TNN.BatchNorm1d(5), train: true),
        Layer("BatchNorm1d/train-3d", [4, 3, 6], () => MNN.BatchNorm1d(3), () => TNN.BatchNorm1d(3), train: true),
        Layer("BatchNorm1d/eval", [8, 5], () => Eval(MNN.BatchNorm1d(5)), () => Eval(TNN.BatchNorm1d(5))),
        Layer("BatchNorm2d/train", [4, 3, 5, 5], () => MNN.BatchNorm2d(3), () => TNN.BatchNorm2d(3), train: true),
        Layer("BatchNorm2d/train-momentum-eps", [3, 2, 4, 4], () => MNN.BatchNorm2d(2, eps: 1e-3, momentum: 0.3), () => TNN.BatchNorm2d(2, eps: 1e-3, momentum: 0.3), train: true),
        Layer("BatchNorm2d/eval", [4, 3, 5, 5], () => Eval(MNN.BatchNorm2d(3)), () => Eval(TNN.BatchNorm2d(3))),
        Layer("BatchNorm2d/no-affine", [4, 3, 5, 5], () => MNN.BatchNorm2d(3, affine: false), () => TNN.BatchNorm2d(3, affine: false), train: true),

        Layer("Dropout/eval", [4, 6], () => Eval(MNN.Dropout(0.5)), () => Eval(TNN.Dropout(0.5))),
        Layer("Flatten", [2, 3, 4, 5], () => MNN.Flatten(), () => TNN.Flatten()),
        Layer("Flatten/range", [2, 3, 4, 5], () => MNN.Flatten(2, 3), () => TNN.Flatten(2, 3)),
        Layer("ReLU", [3, 4], () => MNN.ReLU(), () => TNN.ReLU()),
        Layer("GELU", [3, 4], () => MNN.GELU(), () => TNN.GELU()),
        Layer("LeakyReLU", [3, 4], () => MNN.LeakyReLU(0.2), () => TNN.LeakyReLU(0.2)),
        Layer("Sigmoid", [3, 4], () => MNN.Sigmoid(), () => TNN.Sigmoid()),
        Layer("Tanh", [3, 4], () => MNN.Tanh(), () => TNN.Tanh()),
        Layer("Softmax", [3, 4], () => MNN.Softmax(1), () => TNN.Softmax(1)),
        Layer("LogSoftmax", [3, 4], () => MNN.LogSoftmax(1), () => TNN.LogSoftmax(1)),
        Layer("Sequential/cnn", [2, 1, 8, 8],
            () => MNN.Sequential(MNN.Conv2d(1, 4, 3, padding: 1), MNN.BatchNorm2d(4), MNN.ReLU(), MNN.MaxPool2d(2), MNN.Flatten(), MNN.Linear(64, 3)),
            () => TNN.Sequential(TNN.Conv2d(1, 4, 3, padding: 1), TNN.BatchNorm2d(4), TNN.ReLU(), TNN.MaxPool2d(2), TNN.Flatten(), TNN.Linear(64, 3)),
            train: true, rtol: 1e-4, atol: 1e-5),
    ];
}
