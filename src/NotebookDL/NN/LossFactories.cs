using NotebookDL.Modules;

namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public static MSELoss MSELoss(Reduction reduction = Reduction.Mean) => new(reduction);

        public static L1Loss L1Loss(Reduction reduction = Reduction.Mean) => new(reduction);

        public static CrossEntropyLoss CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0) =>
            new(weight, ignore_index, reduction, label_smoothing);

        public static NLLLoss NLLLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => new(weight, reduction);

        public static BCELoss BCELoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => new(weight, reduction);

        public static BCEWithLogitsLoss BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) =>
            new(weight, reduction, pos_weights);
    }
}
