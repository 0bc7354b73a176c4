using System.Text;

namespace NotebookDL.Display;

/// <summary>scikit-learn's classification report: per-class precision, recall, F1 and support, then accuracy and averages.</summary>
[TypeFormatterSource(typeof(DisplayFormatterSource<ClassificationReport>), PreferredMimeTypes = [MimeBundle.Html, MimeBundle.PlainText])]
public sealed record ClassificationReport(IReadOnlyList<ReportRow> Classes, double Accuracy, long Total, ReportRow MacroAverage, ReportRow WeightedAverage, string Text, int Digits = 2)
    : IDisplayable
{
    public static ClassificationReport From(ConfusionMatrix cm, int digits = 2)
    {
        var classes = Enumerable.Range(0, cm.NumClasses).Select(c => new ReportRow(cm.ClassNames[c], cm.Precision(c), cm.Recall(c), cm.F1(c), cm.Support(c))).ToList();
        return new(classes, cm.Accuracy, cm.Total,
            new ReportRow("macro avg", cm.MacroAverage(cm.Precision), cm.MacroAverage(cm.Recall), cm.MacroAverage(cm.F1), cm.Total),
            new ReportRow("weighted avg", cm.WeightedAverage(cm.Precision), cm.WeightedAverage(cm.Recall), cm.WeightedAverage(cm.F1), cm.Total),
            metrics.classification_report(cm, digits), digits);
    }

    /// <summary>text/plain is the engine's metrics.classification_report text, character for character.</summary>
    public MimeBundle ToMimeBundle() => new MimeBundle(Text.TrimEnd('\n')).With(MimeBundle.Html, ToHtml());

    public string ToHtml()
    {
        var html = new StringBuilder($"<div style=\"{HtmlStyle.Container}\"><table style=\"{HtmlStyle.Table}\"><thead><tr><th style=\"{HtmlStyle.HeaderCell}\"></th>");
        foreach (var header in new[] { "precision", "recall", "f1-score", "support" }) html.Append($"<th style=\"{HtmlStyle.NumberHeaderCell}\">{header}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in Classes) AppendRow(html, row, bold: false);
        var separator = "border-top:2px solid rgba(128,128,128,.55)";
        html.Append($"<tr><th style=\"{HtmlStyle.RowHeaderCell};{separator}\">accuracy</th><td style=\"{HtmlStyle.NumberCell};{separator}\"></td><td style=\"{HtmlStyle.NumberCell};{separator}\"></td>")
            .Append($"<td style=\"{HtmlStyle.NumberCell};{separator}\">{Numbers.Fixed(Accuracy, Digits)}</td><td style=\"{HtmlStyle.NumberCell};{separator}\">{Numbers.Thousands(Total)}</td></tr>");
        AppendRow(html, MacroAverage, bold: true);
        AppendRow(html, WeightedAverage, bold: true);
        return html.Append("</tbody></table></div>").ToString();
    }

    private void AppendRow(StringBuilder html, ReportRow row, bool bold)
    {
        html.Append($"<tr><th style=\"{HtmlStyle.RowHeaderCell};font-weight:{(bold ? 600 : 400)}\">{Markup.Escape(row.Name)}</th>");
        foreach (var value in new[] { row.Precision, row.Recall, row.F1 }) html.Append($"<td style=\"{HtmlStyle.NumberCell}\">{Numbers.Fixed(value, Digits)}</td>");
        html.Append($"<td style=\"{HtmlStyle.NumberCell}\">{Numbers.Thousands(row.Support)}</td></tr>");
    }

    public override string ToString() => Text;
}
