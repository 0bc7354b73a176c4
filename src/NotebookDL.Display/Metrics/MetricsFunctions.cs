namespace NotebookDL.Display;

public static partial class Notebook
{
    /// <summary>Heatmap of a confusion matrix with counts and row-normalized percentages.</summary>
    public static ConfusionMatrixDisplay plot_confusion_matrix(ConfusionMatrix cm, string? title = null) => ConfusionMatrixDisplay.From(cm, title);

    /// <summary>Computes the confusion matrix of <paramref name="predictions"/> (labels or scores) against <paramref name="targets"/> and plots it.</summary>
    public static ConfusionMatrixDisplay plot_confusion_matrix(Tensor targets, Tensor predictions, IReadOnlyList<string>? class_names = null, string? title = null) =>
        ConfusionMatrixDisplay.From(metrics.confusion_matrix(targets, predictions, class_names?.Count, class_names), title);

    public static ClassificationReport classification_report(ConfusionMatrix cm, int digits = 2) => ClassificationReport.From(cm, digits);

    public static ClassificationReport classification_report(Tensor targets, Tensor predictions, IReadOnlyList<string>? target_names = null, int digits = 2) =>
        ClassificationReport.From(metrics.confusion_matrix(targets, predictions, target_names?.Count, target_names), digits);
}
