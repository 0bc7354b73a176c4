namespace NotebookDL;

/// <summary>
/// Counts of (true class, predicted class) pairs: rows are true labels, columns predictions, as in
/// scikit-learn. The per-class scores and the report are derived from these counts.
/// </summary>
public sealed record ConfusionMatrix(long[,] Counts, IReadOnlyList<string> ClassNames)
{
    public int NumClasses => Counts.GetLength(0);

    public long Total
    {
        get
        {
            long total = 0;
            foreach (var c in Counts) total += c;
            return total;
        }
    }

    public long Support(int cls) => Row(cls).Sum();

    public long Predicted(int cls) => Enumerable.Range(0, NumClasses).Sum(r => Counts[r, cls]);

    private IEnumerable<long> Row(int cls) => Enumerable.Range(0, NumClasses).Select(c => Counts[cls, c]);

    /// <summary>TP / (TP + FP); 0 when the class was never predicted (scikit-learn's zero_division=0).</summary>
    public double Precision(int cls) => SafeDivide(Counts[cls, cls], Predicted(cls));

    /// <summary>TP / (TP + FN); 0 when the class never occurs.</summary>
    public double Recall(int cls) => SafeDivide(Counts[cls, cls], Support(cls));

    public double F1(int cls)
    {
        var (p, r) = (Precision(cls), Recall(cls));
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double Accuracy => SafeDivide(Enumerable.Range(0, NumClasses).Sum(c => Counts[c, c]), Total);

    /// <summary>The row-normalized matrix: each true class's predictions as fractions of its support.</summary>
    public double[,] Normalized()
    {
        var result = new double[NumClasses, NumClasses];
        for (int r = 0; r < NumClasses; r++)
        {
            var support = Support(r);
            for (int c = 0; c < NumClasses; c++) result[r, c] = SafeDivide(Counts[r, c], support);
        }
        return result;
    }

    /// <summary>Unweighted mean over classes of a per-class score.</summary>
    public double MacroAverage(Func<int, double> score) => Enumerable.Range(0, NumClasses).Average(score);

    /// <summary>Mean over classes weighted by each class's support.</summary>
    public double WeightedAverage(Func<int, double> score) =>
        SafeDivide(Enumerable.Range(0, NumClasses).Sum(c => score(c) * Support(c)), Total);

    private static double SafeDivide(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;

    public override string ToString()
    {
        var width = Math.Max(ClassNames.Max(n => n.Length), Counts.Cast<long>().Max().ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var lines = new List<string> { new string(' ', width + 1) + string.Join(" ", ClassNames.Select(n => n.PadLeft(width))) };
        for (int r = 0; r < NumClasses; r++)
            lines.Add(ClassNames[r].PadLeft(width) + " " + string.Join(" ", Row(r).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width))));
        return "rows: true label, columns: predicted label\n" + string.Join("\n", lines);
    }
}
