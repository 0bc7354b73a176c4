using System.Globalization;
using System.Text;

namespace NotebookDL.Display;

/// <summary>
/// A table of values with named columns, as a notebook shows a pandas DataFrame: HTML with numbers right-aligned,
/// and an aligned text version. Cells are formatted once, when the table is made (numbers to four significant
/// decimals unless given as strings), so both renderings show the same text.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource<Table>), PreferredMimeTypes = [MimeBundle.Html, MimeBundle.PlainText])]
public sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> Numeric, string? Title = null) : IDisplayable
{
    /// <summary>Builds a table from rows of values; every row must have one value per column.</summary>
    public static Table From(IReadOnlyList<string> columns, IEnumerable<IEnumerable<object?>> rows, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var cells = new List<IReadOnlyList<string>>();
        var numeric = Enumerable.Repeat(true, columns.Count).ToArray();
        foreach (var row in rows)
        {
            var values = row.ToList();
            if (values.Count != columns.Count)
                throw new ArgumentException($"table: row {cells.Count + 1} has {values.Count} values but there are {columns.Count} columns ({string.Join(", ", columns)}).");
            for (int c = 0; c < values.Count; c++) numeric[c] &= values[c] is null || IsNumber(values[c]!);
            cells.Add(values.Select(Cell).ToList());
        }
        return new Table(columns, cells, numeric, title);
    }

    public MimeBundle ToMimeBundle() => new MimeBundle(ToText()).With(MimeBundle.Html, ToHtml());

    public string ToText()
    {
        var widths = Columns.Select((h, c) => Math.Max(h.Length, Rows.Select(r => r[c].Length).DefaultIfEmpty(0).Max())).ToArray();
        string Line(IReadOnlyList<string> cells) =>
            string.Join("  ", cells.Select((v, c) => Numeric[c] ? v.PadLeft(widths[c]) : v.PadRight(widths[c]))).TrimEnd();
        var text = new StringBuilder();
        if (Title is not null) text.Append(Title).Append('\n');
        text.Append(Line(Columns)).Append('\n');
        foreach (var row in Rows) text.Append(Line(row)).Append('\n');
        return text.ToString().TrimEnd('\n');
    }

    public string ToHtml()
    {
        var html = new StringBuilder($"<div style=\"{HtmlStyle.Container}\">");
        if (Title is not null) html.Append($"<div style=\"{HtmlStyle.Caption}\">{Markup.Escape(Title)}</div>");
        html.Append($"<table style=\"{HtmlStyle.Table}\"><thead><tr>");
        for (int c = 0; c < Columns.Count; c++)
            html.Append($"<th style=\"{(Numeric[c] ? HtmlStyle.NumberHeaderCell : HtmlStyle.HeaderCell)}\">{Markup.Escape(Columns[c])}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            for (int c = 0; c < row.Count; c++)
                html.Append($"<td style=\"{(Numeric[c] ? HtmlStyle.NumberCell : HtmlStyle.Cell)}\">{Markup.Escape(row[c])}</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table></div>").ToString();
    }

    public override string ToString() => ToText();

    private static bool IsNumber(object value) => value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;

    private static string Cell(object? value) => value switch
    {
        null => "",
        float f => Numbers.Compact(f),
        double d => Numbers.Compact(d),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable n when IsNumber(n) => n.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
