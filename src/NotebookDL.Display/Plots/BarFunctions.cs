namespace NotebookDL.Display;

public static partial class Notebook
{
    /// <summary>A bar chart of one value per category (matplotlib's plt.bar), bars starting at 0.</summary>
    public static Figure bar(IReadOnlyList<string> categories, IReadOnlyList<double> values, string? title = null, string? xlabel = null, string? ylabel = null) =>
        bar(categories, [values], null, title, xlabel, ylabel);

    /// <summary>Grouped bars: one series of values per group, side by side within each category, named in the legend.</summary>
    public static Figure bar(IReadOnlyList<string> categories, IEnumerable<IReadOnlyList<double>> groups, IEnumerable<string>? labels = null, string? title = null,
        string? xlabel = null, string? ylabel = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var series = groups.ToList();
        var names = labels?.ToList() ?? [];
        if (series.Count == 0) throw new ArgumentException("bar: no values to draw.");
        var width = 0.8 / series.Count;
        var x = Enumerable.Range(0, categories.Count).Select(i => (double)i).ToList();
        var bars = series.Select((values, g) =>
        {
            if (values.Count != categories.Count)
                throw new ArgumentException($"bar: group {g} has {values.Count} values for {categories.Count} categories; give one value per category.");
            var offset = (g - (series.Count - 1) / 2.0) * width;
            return new Series(g < names.Count ? names[g] : "", x.Select(v => v + offset).ToList(), values, SeriesKind.Bars) { BarWidth = width * 0.92 };
        }).ToList();
        var all = series.SelectMany(v => v).Where(double.IsFinite).Append(0).ToList();
        var (low, high) = (all.Min(), all.Max());
        var pad = (high - low) * 0.05;
        var chart = new Chart(bars, null, xlabel, ylabel)
        {
            XCategories = categories,
            XRange = new AxisRange(-0.6, categories.Count - 0.4),
            YRange = new AxisRange(low < 0 ? low - pad : 0, high > 0 ? high + pad : pad),
            ShowLegend = names.Count > 0,
        };
        return new Figure([chart], title);
    }
}
