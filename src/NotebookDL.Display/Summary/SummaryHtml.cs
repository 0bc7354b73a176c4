using System.Text;

namespace NotebookDL.Display;

/// <summary>The text/html summary: the same rows as a table, nested layers indented, totals and memory below.</summary>
internal static class SummaryHtml
{
    public static string Render(ModelSummary summary)
    {
        var html = new StringBuilder($"<div style=\"{HtmlStyle.Container}\">");
        html.Append($"<div style=\"{HtmlStyle.Caption}\">Model: {Markup.Escape(summary.ModelName)} ")
            .Append($"<span style=\"{HtmlStyle.Muted};font-weight:400\">· input {Markup.Escape(ModelSummary.Shape(summary.InputShape))}</span></div>");
        html.Append($"<div style=\"{HtmlStyle.Muted};font-size:12px\">{Markup.Escape(ModelSummary.ShapeNote)}</div>");
        html.Append($"<table style=\"{HtmlStyle.Table}\"><thead><tr>")
            .Append($"<th style=\"{HtmlStyle.HeaderCell}\">Layer (type)</th><th style=\"{HtmlStyle.HeaderCell}\">Output Shape</th>")
            .Append($"<th style=\"{HtmlStyle.NumberHeaderCell}\">Param #</th>");
        if (summary.ShowKernelShape) html.Append($"<th style=\"{HtmlStyle.NumberHeaderCell}\">Kernel Shape</th>");
        if (summary.ShowMultAdds) html.Append($"<th style=\"{HtmlStyle.NumberHeaderCell}\">Mult-Adds</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in summary.Rows)
        {
            var weight = row.IsContainer ? ";font-weight:600" : "";
            html.Append("<tr>")
                .Append($"<td style=\"{HtmlStyle.Cell};padding-left:{10 + 18 * row.Depth}px{weight}\">{Markup.Escape(row.Name)} ")
                .Append($"<span style=\"{HtmlStyle.Muted}\">({Markup.Escape(row.Type)})</span></td>")
                .Append($"<td style=\"{HtmlStyle.Cell};{HtmlStyle.Code}\">{Markup.Escape(row.ShapeText)}</td>")
                .Append($"<td style=\"{HtmlStyle.NumberCell}\">{row.ParameterText}</td>");
            if (summary.ShowKernelShape) html.Append(row.KernelShape is { } kernel ? $"<td style=\"{HtmlStyle.NumberCell};{HtmlStyle.Code}\">{kernel}</td>" : $"<td style=\"{HtmlStyle.NumberCell}\">--</td>");
            if (summary.ShowMultAdds) html.Append($"<td style=\"{HtmlStyle.NumberCell}\">{row.MultAddsText}</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        html.Append("<div style=\"display:flex;flex-wrap:wrap;gap:4px 32px\">");
        AppendPairs(html, summary.Totals());
        AppendPairs(html, summary.Memory());
        return html.Append("</div></div>").ToString();
    }

    private static void AppendPairs(StringBuilder html, IEnumerable<(string label, string value)> pairs)
    {
        html.Append($"<table style=\"{HtmlStyle.Table}\"><tbody>");
        foreach (var (label, value) in pairs)
            html.Append($"<tr><td style=\"padding:1px 12px 1px 0\">{Markup.Escape(label)}:</td><td style=\"{HtmlStyle.NumberCell.Replace("border-bottom:1px solid rgba(128,128,128,.25);", "")}\">{Markup.Escape(value)}</td></tr>");
        html.Append("</tbody></table>");
    }
}
