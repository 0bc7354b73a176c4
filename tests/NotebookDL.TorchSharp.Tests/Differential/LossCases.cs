using MF = NotebookDL.torch.nn.functional;
using MNN = NotebookDL.torch.nn;
using TF = TorchSharp.torch.nn.functional;
using TNN = TorchSharp.torch.nn;

namespace NotebookDL.TorchSharp.Tests.Differential;

/// <summary>
/// The table of losses compared with libtorch: the loss and the gradient of the input. TorchSharp's CrossEntropyLoss
/// factory has no label_smoothing parameter (its module constructor and cross_entropy do; NotebookDL's factory has it,
/// as PyTorch's), so those cases call TorchSharp's functional form.
/// </summary>
static class LossCases
{
    static readonly float[] classWeights = [0.5f, 2f, 1f, 1.5f, 0.25f];
    static MT.Tensor MW => MT.tensor(classWeights);
    static TT.Tensor TW => TT.tensor(classWeights);
    static readonly float[] elementWeights = [1f, 0.5f, 2f, 1.5f];
    static MT.Tensor ME => MT.tensor(elementWeights);
    static TT.Tensor TE => TT.tensor(elementWeights);

    static LossCase Loss(string name, Input input, Target target, Func<MT.Tensor, MT.Tensor, MT.Tensor> managed,
        Func<TT.Tensor, TT.Tensor, TT.Tensor> torch, double rtol = 1e-5, double atol = 1e-6) => new(name, input, target, managed, torch, rtol, atol);

    static Input Scores(params long[] shape) => new(shape);
    static Target Indices(long classes, params long[] shape) => new(shape, Classes: classes);
    static Target Probabilities(params long[] shape) => new(shape, Values.Probability, Distribution: true);

    public static readonly LossCase[] All =
    [
        Loss("MSELoss/mean", Scores(4, 3), new([4, 3]), (x, y) => MNN.MSELoss().call(x, y), (x, y) => TNN.MSELoss().call(x, y)),
        Loss("MSELoss/sum", Scores(4, 3), new([4, 3]), (x, y) => MNN.MSELoss(MNN.Reduction.Sum).call(x, y), (x, y) => TNN.MSELoss(TNN.Reduction.Sum).call(x, y)),
        Loss("MSELoss/none", Scores(4, 3), new([4, 3]), (x, y) => MF.mse_loss(x, y, MNN.Reduction.None), (x, y) => TF.mse_loss(x, y, TNN.Reduction.None)),
        Loss("L1Loss/mean", Scores(4, 3), new([4, 3]), (x, y) => MNN.L1Loss().call(x, y), (x, y) => TNN.L1Loss().call(x, y)),
        Loss("L1Loss/sum", Scores(2, 3, 4), new([2, 3, 4]), (x, y) => MNN.L1Loss(MNN.Reduction.Sum).call(x, y), (x, y) => TNN.L1Loss(TNN.Reduction.Sum).call(x, y)),

        Loss("CrossEntropyLoss/indices", Scores(6, 5), Indices(5, 6), (x, y) => MNN.CrossEntropyLoss().call(x, y), (x, y) => TNN.CrossEntropyLoss().call(x, y)),
        Loss("CrossEntropyLoss/indices-sum", Scores(6, 5), Indices(5, 6), (x, y) => MNN.CrossEntropyLoss(reduction: MNN.Reduction.Sum).call(x, y),
            (x, y) => TNN.CrossEntropyLoss(reduction: TNN.Reduction.Sum).call(x, y)),
        Loss("CrossEntropyLoss/indices-none", Scores(6, 5), Indices(5, 6), (x, y) => MF.cross_entropy(x, y, reduction: MNN.Reduction.None),
            (x, y) => TF.cross_entropy(x, y, reduction: TNN.Reduction.None)),
        Loss("CrossEntropyLoss/weight", Scores(6, 5), Indices(5, 6), (x, y) => MNN.CrossEntropyLoss(MW).call(x, y), (x, y) => TNN.CrossEntropyLoss(TW).call(x, y)),
        Loss("CrossEntropyLoss/label-smoothing", Scores(6, 5), Indices(5, 6), (x, y) => MNN.CrossEntropyLoss(label_smoothing: 0.1).call(x, y),
            (x, y) => TF.cross_entropy(x, y, label_smoothing: 0.1)),
        Loss("CrossEntropyLoss/label-smoothing-weight", Scores(6, 5), Indices(5, 6), (x, y) => MNN.CrossEntropyLoss(MW, label_smoothing: 0.2).call(x, y),
            (x, y) => TF.cross_entropy(x, y, TW, label_smoothing: 0.2)),
        Loss("CrossEntropyLoss/label-smoothing-none", Scores(6, 5), Indices(5, 6), (x, y) => MF.cross_entropy(x, y, reduction: MNN.Reduction.None, label_smoothing: 0.3),
            (x, y) => TF.cross_entropy(x, y, reduction: TNN.Reduction.None, label_smoothing: 0.3)),
        Loss("CrossEntropyLoss/ignore-index", Scores(6, 5), Indices(5, 6), (x, y) => MNN.CrossEntropyLoss(ignore_index: 2).call(x, y),
            (x, y) => TNN.CrossEntropyLoss(ignore_index: 2).call(x, y)),
        Loss("CrossEntropyLoss/ignore-index-weight-smoothing", Scores(6, 5), Indices(5, 6), (x, y) => MNN.CrossEntropyLoss(MW, ignore_index: 1, label_smoothing: 0.1).call(x, y),
            (x, y) => TF.cross_entropy(x, y, TW, ignore_index: 1, label_smoothing: 0.1)),
        Loss("CrossEntropyLoss/spatial-indices", Scores(2, 5, 3, 4), Indices(5, 2, 3, 4), (x, y) => MNN.CrossEntropyLoss().call(x, y), (x, y) => TNN.CrossEntropyLoss().call(x, y)),
        Loss("CrossEntropyLoss/probabilities", Scores(6, 5), Probabilities(6, 5), (x, y) => MNN.CrossEntropyLoss().call(x, y), (x, y) => TNN.CrossEntropyLoss().call(x, y)),
        Loss("CrossEntropyLoss/probabilities-weight", Scores(6, 5), Probabilities(6, 5), (x, y) => MNN.CrossEntropyLoss(MW).call(x, y), (x, y) => TNN.CrossEntropyLoss(TW).call(x, y)),
        Loss("CrossEntropyLoss/probabilities-smoothing", Scores(6, 5), Probabilities(6, 5), (x, y) => MNN.CrossEntropyLoss(label_smoothing: 0.25).call(x, y),
            (x, y) => TF.cross_entropy(x, y, label_smoothing: 0.25)),
        Loss("CrossEntropyLoss/probabilities-spatial-sum", Scores(2, 5, 3), Probabilities(2, 5, 3), (x, y) => MF.cross_entropy(x, y, reduction: MNN.Reduction.Sum),
            (x, y) => TF.cross_entropy(x, y, reduction: TNN.Reduction.Sum)),

        Loss("NLLLoss/mean", Scores(6, 5), Indices(5, 6), (x, y) => MNN.NLLLoss().call(x.log_softmax(1), y), (x, y) => TNN.NLLLoss().call(x.log_softmax(1), y)),
        Loss("NLLLoss/weight", Scores(6, 5), Indices(5, 6), (x, y) => MNN.NLLLoss(MW).call(x.log_softmax(1), y), (x, y) => TNN.NLLLoss(TW).call(x.log_softmax(1), y)),
        Loss("NLLLoss/sum-spatial", Scores(2, 5, 4), Indices(5, 2, 4), (x, y) => MNN.NLLLoss(reduction: MNN.Reduction.Sum).call(x, y),
            (x, y) => TNN.NLLLoss(reduction: TNN.Reduction.Sum).call(x, y)),

        Loss("BCELoss/mean", new([4, 4], Values.Probability), new([4, 4], Values.Probability), (x, y) => MNN.BCELoss().call(x, y), (x, y) => TNN.BCELoss().call(x, y)),
        Loss("BCELoss/hard-targets-weight", new([3, 4], Values.Probability), new([3, 4], Values.Probability, Binary: true),
            (x, y) => MNN.BCELoss(ME).call(x, y), (x, y) => TNN.BCELoss(TE).call(x, y)),
        Loss("BCELoss/sum", new([5], Values.Probability), new([5], Values.Probability), (x, y) => MNN.BCELoss(reduction: MNN.Reduction.Sum).call(x, y),
            (x, y) => TNN.BCELoss(reduction: TNN.Reduction.Sum).call(x, y)),
        Loss("BCEWithLogitsLoss/mean", Scores(4, 4), new([4, 4], Values.Probability, Binary: true), (x, y) => MNN.BCEWithLogitsLoss().call(x * 5.0, y),
            (x, y) => TNN.BCEWithLogitsLoss().call(x * 5.0, y)),
        Loss("BCEWithLogitsLoss/soft-targets-weight", Scores(3, 4), new([3, 4], Values.Probability), (x, y) => MNN.BCEWithLogitsLoss(ME).call(x, y),
            (x, y) => TNN.BCEWithLogitsLoss(TE).call(x, y)),
        Loss("BCEWithLogitsLoss/pos-weight", Scores(3, 4), new([3, 4], Values.Probability, Binary: true), (x, y) => MNN.BCEWithLogitsLoss(pos_weights: ME).call(x, y),
            (x, y) => TNN.BCEWithLogitsLoss(pos_weights: TE).call(x, y)),
        Loss("BCEWithLogitsLoss/large-logits-none", Scores(2, 4), new([2, 4], Values.Probability, Binary: true), (x, y) => MF.binary_cross_entropy_with_logits(x * 40.0, y, reduction: MNN.Reduction.None),
            (x, y) => TF.binary_cross_entropy_with_logits(x * 40.0, y, reduction: TNN.Reduction.None)),
    ];
}
