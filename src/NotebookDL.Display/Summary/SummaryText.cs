using System.Text;

namespace NotebookDL.Display;

/// <summary>The text/plain summary, laid out like Keras' model.summary() (rules of _ and =, totals underneath).</summary>
internal static class SummaryText
{
    public static string Render(ModelSummary summary)
    {
        var columns = Columns(summary);
        var cells = summary.Rows.Select(r => Cells(summary, r)).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.minWidth, cells.Select(row => row[i].Length).DefaultIfEmpty(0).Max() + 2)).ToArray();
        widths[0] = Math.Max(widths[0], columns[0].header.Length + 2);
        var total = widths.Sum() + 1;
        var text = new StringBuilder();
        text.Append($"Model: \"{summary.ModelName}\"\n");
        text.Append($"Input shape: {ModelSummary.Shape(summary.InputShape)}. {ModelSummary.ShapeNote}\n");
        text.Append(new string('_', total)).Append('\n');
        text.Append(Line(columns.Select(c => c.header).ToList(), widths, columns)).Append('\n');
        text.Append(new string('=', total)).Append('\n');
        foreach (var row in cells) text.Append(Line(row, widths, columns)).Append('\n');
        text.Append(new string('=', total)).Append('\n');
        foreach (var (label, value) in summary.Totals()) text.Append($"{label}: {value}\n");
        text.Append(new string('_', total)).Append('\n');
        foreach (var (label, value) in summary.Memory()) text.Append($"{label}: {value}\n");
        text.Append(new string('_', total));
        return text.ToString();
    }

    private static List<(string header, int minWidth, bool right)> Columns(ModelSummary summary)
    {
        var columns = new List<(string, int, bool)> { ("Layer (type)", 28, false), ("Output Shape", 24, false), ("Param #", 11, true) };
        if (summary.ShowKernelShape) columns.Add(("Kernel Shape", 15, true));
        if (summary.ShowMultAdds) columns.Add(("Mult-Adds", 15, true));
        return columns;
    }

    private static List<string> Cells(ModelSummary summary, SummaryRow row)
    {
        var cells = new List<string> { new string(' ', 2 * row.Depth) + $"{row.Name} ({row.Type})", row.ShapeText, row.ParameterText };
        if (summary.ShowKernelShape) cells.Add(row.KernelShape ?? "--");
        if (summary.ShowMultAdds) cells.Add(row.MultAddsText);
        return cells;
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths, List<(string header, int minWidth, bool right)> columns)
    {
        var line = new StringBuilder(" ");
        for (int i = 0; i < cells.Count; i++)
            line.Append(columns[i].right ? cells[i].PadLeft(widths[i] - 2).PadRight(widths[i]) : cells[i].PadRight(widths[i]));
        return line.ToString().TrimEnd();
    }
}
