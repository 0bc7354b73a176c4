using System.Text;

namespace NotebookDL.Display;

/// <summary>
/// A confusion matrix as a heatmap: true labels down the side, predicted labels along the bottom, each cell
/// showing its count and its share of the true class (row-normalized %), coloured by that share.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource<ConfusionMatrixDisplay>), PreferredMimeTypes = [MimeBundle.Svg, MimeBundle.PlainText])]
public sealed record ConfusionMatrixDisplay(IReadOnlyList<string> ClassNames, IReadOnlyList<IReadOnlyList<long>> Counts, string? Title = null) : IDisplayable
{
    public static ConfusionMatrixDisplay From(ConfusionMatrix cm, string? title = null) =>
        new(cm.ClassNames, Enumerable.Range(0, cm.NumClasses).Select(r => (IReadOnlyList<long>)Enumerable.Range(0, cm.NumClasses).Select(c => cm.Counts[r, c]).ToArray()).ToArray(), title);

    public int NumClasses => ClassNames.Count;

    /// <summary>The fraction of true class <paramref name="row"/> predicted as <paramref name="column"/>; 0 for a class with no samples.</summary>
    public double Fraction(int row, int column)
    {
        var support = Counts[row].Sum();
        return support == 0 ? 0 : Counts[row][column] / (double)support;
    }

    public MimeBundle ToMimeBundle() => MimeBundle.Picture(ToText(), ConfusionMatrixSvg.Render(this));

    public string ToText()
    {
        var cells = Enumerable.Range(0, NumClasses).Select(r => Enumerable.Range(0, NumClasses)
            .Select(c => $"{Numbers.Int(Counts[r][c])} ({Numbers.Fixed(100 * Fraction(r, c), 1)}%)").ToList()).ToList();
        var nameWidth = Math.Max("true \\ predicted".Length, ClassNames.Max(n => n.Length));
        var widths = Enumerable.Range(0, NumClasses).Select(c => Math.Max(ClassNames[c].Length, cells.Max(row => row[c].Length))).ToArray();
        var text = new StringBuilder(Title ?? "Confusion matrix").Append('\n').Append("rows: true label, columns: predicted label, (%) of each true class\n");
        text.Append("true \\ predicted".PadRight(nameWidth));
        for (int c = 0; c < NumClasses; c++) text.Append("  ").Append(ClassNames[c].PadLeft(widths[c]));
        text.Append('\n');
        for (int r = 0; r < NumClasses; r++)
        {
            text.Append(ClassNames[r].PadRight(nameWidth));
            for (int c = 0; c < NumClasses; c++) text.Append("  ").Append(cells[r][c].PadLeft(widths[c]));
            text.Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    public override string ToString() => ToText();
}
