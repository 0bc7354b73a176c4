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

    public string ToText() => ConfusionMatrixText.Render(this);

    public override string ToString() => ToText();
}
