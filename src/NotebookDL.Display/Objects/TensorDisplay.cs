using System.Globalization;
using System.Text;

namespace NotebookDL.Display;

/// <summary>
/// A tensor at a glance: shape, dtype, device, requires_grad and PyTorch's value preview; a 2-D
/// tensor also gets an HTML table of its corner values (first and last rows and columns).
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource<TensorDisplay>), PreferredMimeTypes = [MimeBundle.Html, MimeBundle.PlainText])]
public sealed record TensorDisplay(IReadOnlyList<long> Shape, string Dtype, string Device, bool RequiresGrad, string? GradFn, string Preview) : IDisplayable
{
    /// <summary>Row and column indices shown in the 2-D table, and their values; empty for other ranks.</summary>
    public IReadOnlyList<long> RowIndices { get; init; } = [];

    public IReadOnlyList<long> ColumnIndices { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<double>> Cells { get; init; } = [];

    private const int Edge = 8; // rows/columns kept at each end of a large 2-D table

    public static TensorDisplay From(Tensor t)
    {
        using var scope = torch.NewDisposeScope(); // frees TorchSharp's native copies of the cells read below
        var display = new TensorDisplay(t.shape, DtypeName(t.dtype), t.device.ToString(), t.requires_grad, DisplayAdapter.GradFnName(t), DisplayAdapter.Preview(t));
        if (t.dim() != 2 || t.numel() == 0) return display;
        var (rows, cols) = (Kept(t.shape[0]), Kept(t.shape[1]));
        var values = t.detach();
        var cells = rows.Select(r => (IReadOnlyList<double>)cols.Select(c => Value(values, r, c)).ToArray()).ToArray();
        return display with { RowIndices = rows, ColumnIndices = cols, Cells = cells };
    }

    /// <summary>PyTorch's name of a dtype, e.g. "torch.float32".</summary>
    public static string DtypeName(ScalarType dtype) => DisplayAdapter.DtypeName(dtype);

    private static long[] Kept(long n) => n <= 2 * Edge ? Range(0, n) : [.. Range(0, Edge), .. Range(n - Edge, Edge)];

    private static long[] Range(long start, long count) => Enumerable.Range(0, (int)count).Select(i => start + i).ToArray();

    private static double Value(Tensor t, long r, long c) => t.select(0, r).select(0, c).to(ScalarType.Float32).item<float>();

    public string Header =>
        $"Tensor shape=[{string.Join(", ", Shape)}] dtype={Dtype} device={Device} requires_grad={(RequiresGrad ? "True" : "False")}" +
        (GradFn is null ? "" : $" grad_fn={GradFn}");

    public MimeBundle ToMimeBundle() => new MimeBundle(Header + "\n" + Preview).With(MimeBundle.Html, ToHtml());

    public string ToHtml()
    {
        var html = new StringBuilder($"<div style=\"{HtmlStyle.Container}\">");
        html.Append($"<div style=\"{HtmlStyle.Caption}\">Tensor <span style=\"{HtmlStyle.Code}\">[{string.Join(", ", Shape)}]</span> ")
            .Append($"<span style=\"{HtmlStyle.Muted};font-weight:400\">· {Dtype} · {Markup.Escape(Device)} · requires_grad={(RequiresGrad ? "True" : "False")}")
            .Append(GradFn is null ? "" : $" · grad_fn={Markup.Escape(GradFn)}").Append("</span></div>");
        if (Cells.Count == 0) html.Append($"<pre style=\"{HtmlStyle.Pre}\">{Markup.Escape(Preview)}</pre>");
        else AppendTable(html);
        return html.Append("</div>").ToString();
    }

    private void AppendTable(StringBuilder html)
    {
        var whole = Cells.All(row => row.All(x => x == Math.Round(x) || !double.IsFinite(x)));
        html.Append($"<table style=\"{HtmlStyle.Table}\"><thead><tr><th style=\"{HtmlStyle.HeaderCell}\"></th>");
        ForEachWithGaps(ColumnIndices, c => html.Append($"<th style=\"{HtmlStyle.NumberHeaderCell}\">{c}</th>"), () => html.Append($"<th style=\"{HtmlStyle.NumberHeaderCell}\">…</th>"));
        html.Append("</tr></thead><tbody>");
        for (int i = 0; i < RowIndices.Count; i++)
        {
            if (i > 0 && RowIndices[i] != RowIndices[i - 1] + 1)
                html.Append($"<tr><th style=\"{HtmlStyle.RowHeaderCell}\">⋮</th><td style=\"{HtmlStyle.Cell}\" colspan=\"{ColumnIndices.Count + 1}\"></td></tr>");
            html.Append($"<tr><th style=\"{HtmlStyle.RowHeaderCell}\">{RowIndices[i]}</th>");
            var row = Cells[i];
            var j = 0;
            ForEachWithGaps(ColumnIndices, _ => html.Append($"<td style=\"{HtmlStyle.NumberCell};{HtmlStyle.Code}\">{FormatValue(row[j++], whole)}</td>"), () => html.Append($"<td style=\"{HtmlStyle.NumberCell}\">…</td>"));
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    private static void ForEachWithGaps(IReadOnlyList<long> indices, Action<long> item, Action gap)
    {
        for (int i = 0; i < indices.Count; i++)
        {
            if (i > 0 && indices[i] != indices[i - 1] + 1) gap();
            item(indices[i]);
        }
    }

    /// <summary>One format for the whole table, as PyTorch prints: whole numbers without decimals, otherwise four.</summary>
    private string FormatValue(double v, bool whole) => Dtype switch
    {
        "torch.float16" or "torch.bfloat16" or "torch.float32" or "torch.float64" => v.ToString(whole ? "0" : "0.0000", CultureInfo.InvariantCulture),
        "torch.bool" => v != 0 ? "True" : "False",
        _ => ((long)v).ToString(CultureInfo.InvariantCulture),
    };

    public override string ToString() => Header;
}
