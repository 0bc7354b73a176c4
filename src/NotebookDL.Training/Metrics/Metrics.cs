using System.Globalization;

namespace NotebookDL;

/// <summary>
/// Classification metrics with scikit-learn's names and semantics. Predictions may be class indices
/// (int64 [N]) or scores/logits ([N, C], reduced with argmax).
/// </summary>
public static class metrics
{
    /// <summary>Fraction of samples whose predicted class equals the target class.</summary>
    public static double accuracy(torch.Tensor predictions, torch.Tensor targets)
    {
        var (predicted, actual) = Labels(predictions, targets, "accuracy");
        if (actual.Length == 0) throw new ArgumentException("accuracy: there are no samples to score.");
        return predicted.Zip(actual).Count(p => p.First == p.Second) / (double)actual.Length;
    }

    /// <summary>Fraction of samples whose target is among the k highest scores ([N, C] scores).</summary>
    public static double top_k_accuracy(torch.Tensor scores, torch.Tensor targets, int k = 5)
    {
        if (scores.dim() != 2) throw new ArgumentException($"top_k_accuracy: expected scores of shape [N, C] but got {EngineAdapter.FormatShape(scores.shape)}.");
        var (n, classes) = ((int)scores.size(0), (int)scores.size(1));
        if (k < 1 || k > classes) throw new ArgumentOutOfRangeException(nameof(k), $"top_k_accuracy: k must be in [1, {classes}], got {k}.");
        using var scope = torch.NewDisposeScope(); // frees TorchSharp's native conversions
        var actual = TargetIndices(targets, n, "top_k_accuracy");
        var s = EngineAdapter.ToArray<float>(scores.to(ScalarType.Float32));
        var hits = 0;
        for (int i = 0; i < n; i++)
        {
            var target = s[i * classes + actual[i]];
            // ties count against the target, as in scikit-learn's strict ranking
            var higher = 0;
            for (int c = 0; c < classes; c++) if (s[i * classes + c] > target) higher++;
            if (higher < k) hits++;
        }
        return n == 0 ? 0 : hits / (double)n;
    }

    public static ConfusionMatrix confusion_matrix(torch.Tensor targets, torch.Tensor predictions, int? num_classes = null, IReadOnlyList<string>? class_names = null)
    {
        var (predicted, actual) = Labels(predictions, targets, "confusion_matrix");
        var classes = num_classes ?? class_names?.Count ?? (int)Math.Max(predicted.DefaultIfEmpty(-1).Max(), actual.DefaultIfEmpty(-1).Max()) + 1;
        if (class_names is not null && class_names.Count != classes)
            throw new ArgumentException($"confusion_matrix: {class_names.Count} class names given for {classes} classes.");
        var counts = new long[classes, classes];
        for (int i = 0; i < actual.Length; i++)
        {
            if (actual[i] < 0 || actual[i] >= classes || predicted[i] < 0 || predicted[i] >= classes)
                throw new ArgumentException($"confusion_matrix: sample {i} has target {actual[i]} and prediction {predicted[i]}, outside the {classes} classes [0, {classes - 1}].");
            counts[actual[i], predicted[i]]++;
        }
        var names = class_names ?? Enumerable.Range(0, classes).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new ConfusionMatrix(counts, names);
    }

    /// <summary>Per-class precision, recall, F1 and support (averages: see <see cref="ConfusionMatrix"/>).</summary>
    public static (double[] precision, double[] recall, double[] f1, long[] support) precision_recall_fscore_support(torch.Tensor targets, torch.Tensor predictions, int? num_classes = null)
    {
        var cm = confusion_matrix(targets, predictions, num_classes);
        var classes = Enumerable.Range(0, cm.NumClasses);
        return (classes.Select(cm.Precision).ToArray(), classes.Select(cm.Recall).ToArray(), classes.Select(cm.F1).ToArray(), classes.Select(cm.Support).ToArray());
    }

    /// <summary>scikit-learn's classification_report text, column for column.</summary>
    public static string classification_report(torch.Tensor targets, torch.Tensor predictions, IReadOnlyList<string>? target_names = null, int digits = 2, int? num_classes = null) =>
        classification_report(confusion_matrix(targets, predictions, num_classes ?? target_names?.Count, target_names), digits);

    public static string classification_report(ConfusionMatrix cm, int digits = 2)
    {
        const string longestHeading = "weighted avg";
        var width = Math.Max(Math.Max(cm.ClassNames.Max(n => n.Length), longestHeading.Length), digits);
        var text = new System.Text.StringBuilder();
        text.Append(new string(' ', width)).Append(' ');
        foreach (var header in new[] { "precision", "recall", "f1-score", "support" }) text.Append(' ').Append(header.PadLeft(9));
        text.Append("\n\n");
        for (int c = 0; c < cm.NumClasses; c++) Row(cm.ClassNames[c], cm.Precision(c), cm.Recall(c), cm.F1(c), cm.Support(c));
        text.Append('\n');
        text.Append("accuracy".PadLeft(width)).Append(' ').Append(' ', 20).Append(' ').Append(Number(cm.Accuracy).PadLeft(9))
            .Append(' ').Append(cm.Total.ToString(CultureInfo.InvariantCulture).PadLeft(9)).Append('\n');
        Row("macro avg", cm.MacroAverage(cm.Precision), cm.MacroAverage(cm.Recall), cm.MacroAverage(cm.F1), cm.Total);
        Row(longestHeading, cm.WeightedAverage(cm.Precision), cm.WeightedAverage(cm.Recall), cm.WeightedAverage(cm.F1), cm.Total);
        return text.ToString();

        void Row(string name, double precision, double recall, double f1, long support)
        {
            text.Append(name.PadLeft(width)).Append(' ');
            foreach (var value in new[] { precision, recall, f1 }) text.Append(' ').Append(Number(value).PadLeft(9));
            text.Append(' ').Append(support.ToString(CultureInfo.InvariantCulture).PadLeft(9)).Append('\n');
        }

        string Number(double value) => value.ToString("F" + digits, CultureInfo.InvariantCulture);
    }

    private static (long[] predicted, long[] actual) Labels(torch.Tensor predictions, torch.Tensor targets, string op)
    {
        using var scope = torch.NewDisposeScope(); // frees TorchSharp's native argmax and reshape results
        var n = (int)(predictions.dim() == 0 ? 1 : predictions.size(0));
        var predicted = EngineAdapter.ToArray<long>(predictions.dim() == 2 ? predictions.argmax(1) : predictions.to(ScalarType.Int64).reshape(-1));
        var actual = TargetIndices(targets, n, op);
        if (predicted.Length != actual.Length)
            throw new ArgumentException($"{op}: {predicted.Length} predictions but {actual.Length} targets (shapes {EngineAdapter.FormatShape(predictions.shape)} and {EngineAdapter.FormatShape(targets.shape)}).");
        return (predicted, actual);
    }

    /// <summary>Class indices from int64 labels or one-hot / probability rows.</summary>
    private static long[] TargetIndices(torch.Tensor targets, int n, string op)
    {
        var indices = EngineAdapter.ToArray<long>(targets.dim() == 2 ? targets.argmax(1) : targets.to(ScalarType.Int64).reshape(-1));
        if (indices.Length != n)
            throw new ArgumentException($"{op}: expected {n} targets but got shape {EngineAdapter.FormatShape(targets.shape)}.");
        return indices;
    }
}
