using System.Text;

namespace NotebookDL.Display;

/// <summary>
/// The text/plain confusion matrix: how many samples and how many right, the classes most often mistaken for
/// one another, and the full table only while it stays small (up to <see cref="MaxTableClasses"/> classes); a
/// CIFAR-10 matrix in text would be a 140-column wall of numbers that the picture says better.
/// </summary>
internal static class ConfusionMatrixText
{
    public const int MaxTableClasses = 5;

    private const int ConfusionsListed = 3;

    public static string Render(ConfusionMatrixDisplay cm)
    {
        var n = cm.NumClasses;
        var total = cm.Counts.Sum(row => row.Sum());
        var correct = Enumerable.Range(0, n).Sum(i => cm.Counts[i][i]);
        var text = new StringBuilder(cm.Title ?? "Confusion matrix").Append('\n');
        text.Append($"{n} classes, {Numbers.Thousands(total)} samples, {Numbers.Thousands(correct)} right");
        if (total > 0) text.Append($" (accuracy {Numbers.Fixed(100.0 * correct / total, 1)}%)");
        text.Append('\n');
        var confusions = (from r in Enumerable.Range(0, n) from c in Enumerable.Range(0, n) where r != c && cm.Counts[r][c] > 0 select (r, c))
            .OrderByDescending(p => cm.Counts[p.r][p.c]).ThenBy(p => p.r).ThenBy(p => p.c).Take(ConfusionsListed).ToList();
        if (confusions.Count > 0)
            text.Append("most confused (true → predicted): ")
                .Append(string.Join(", ", confusions.Select(p => $"{cm.ClassNames[p.r]} → {cm.ClassNames[p.c]} {Numbers.Int(cm.Counts[p.r][p.c])} ({Numbers.Fixed(100 * cm.Fraction(p.r, p.c), 1)}%)")))
                .Append('\n');
        if (n <= MaxTableClasses) AppendTable(text, cm);
        return text.ToString().TrimEnd('\n');
    }

    private static void AppendTable(StringBuilder text, ConfusionMatrixDisplay cm)
    {
        var n = cm.NumClasses;
        var cells = Enumerable.Range(0, n).Select(r => Enumerable.Range(0, n)
            .Select(c => $"{Numbers.Int(cm.Counts[r][c])} ({Numbers.Fixed(100 * cm.Fraction(r, c), 1)}%)").ToList()).ToList();
        var nameWidth = Math.Max("true \\ predicted".Length, cm.ClassNames.Max(name => name.Length));
        var widths = Enumerable.Range(0, n).Select(c => Math.Max(cm.ClassNames[c].Length, cells.Max(row => row[c].Length))).ToArray();
        text.Append("rows: true label, columns: predicted label, (%) of each true class\n");
        text.Append("true \\ predicted".PadRight(nameWidth));
        for (int c = 0; c < n; c++) text.Append("  ").Append(cm.ClassNames[c].PadLeft(widths[c]));
        text.Append('\n');
        for (int r = 0; r < n; r++)
        {
            text.Append(cm.ClassNames[r].PadRight(nameWidth));
            for (int c = 0; c < n; c++) text.Append("  ").Append(cells[r][c].PadLeft(widths[c]));
            text.Append('\n');
        }
    }
}
