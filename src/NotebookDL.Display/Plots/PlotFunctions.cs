namespace NotebookDL.Display;

public static partial class Notebook
{
    /// <summary>Line plot of one or more series over shared x values, with legend, axes and title (matplotlib's plt.plot).</summary>
    public static Figure plot(IReadOnlyList<double> x, IEnumerable<IReadOnlyList<double>> ys, IEnumerable<string>? labels = null, string? title = null,
        string? xlabel = null, string? ylabel = null, bool markers = false, bool logy = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(ys);
        var names = labels?.ToList() ?? [];
        var series = ys.Select((y, i) =>
        {
            if (y.Count != x.Count) throw new ArgumentException($"plot: series {i} has {y.Count} values but x has {x.Count}; they must match.");
            return new Series(i < names.Count ? names[i] : "", x, y, markers ? SeriesKind.LineWithMarkers : SeriesKind.Line);
        }).ToList();
        return new Figure([new Chart(series, null, xlabel, ylabel) { LogY = logy }], title);
    }

    /// <summary>Line plot of one series; <paramref name="logy"/> gives a logarithmic y axis.</summary>
    public static Figure plot(IReadOnlyList<double> x, IReadOnlyList<double> y, string? label = null, string? title = null, string? xlabel = null, string? ylabel = null,
        bool logy = false) =>
        plot(x, [y], label is null ? null : [label], title, xlabel, ylabel, logy: logy);

    /// <summary>
    /// Line plot of two arrays. Spelled out because TorchSharp also converts a double[] to a Tensor implicitly, which
    /// would leave plot(xs, ys) ambiguous between the list and tensor overloads there.
    /// </summary>
    public static Figure plot(double[] x, double[] y, string? label = null, string? title = null, string? xlabel = null, string? ylabel = null,
        bool logy = false) =>
        plot((IReadOnlyList<double>)x, y, label, title, xlabel, ylabel, logy);

    /// <summary>Plots 1-D tensors (each y the same length as x).</summary>
    public static Figure plot(Tensor x, IEnumerable<Tensor> ys, IEnumerable<string>? labels = null, string? title = null, string? xlabel = null, string? ylabel = null,
        bool logy = false) =>
        plot(Values(x, "x"), ys.Select(y => (IReadOnlyList<double>)Values(y, "y")), labels, title, xlabel, ylabel, logy: logy);

    public static Figure plot(Tensor x, Tensor y, string? label = null, string? title = null, string? xlabel = null, string? ylabel = null, bool logy = false) =>
        plot(x, [y], label is null ? null : [label], title, xlabel, ylabel, logy);

    /// <summary>Scatter plot of points, optionally coloured by an integer class per point.</summary>
    public static Figure scatter(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<long>? classes = null, IReadOnlyList<string>? class_names = null,
        string? title = null, string? xlabel = null, string? ylabel = null)
    {
        if (x.Count != y.Count) throw new ArgumentException($"scatter: x has {x.Count} values but y has {y.Count}.");
        if (classes is not null && classes.Count != x.Count) throw new ArgumentException($"scatter: {classes.Count} classes for {x.Count} points.");
        var groups = classes is null
            ? [new Series("", x, y, SeriesKind.Scatter)]
            : classes.Distinct().Order().Select(c =>
            {
                var idx = Enumerable.Range(0, x.Count).Where(i => classes[i] == c).ToList();
                var name = class_names is not null && c >= 0 && c < class_names.Count ? class_names[(int)c] : $"class {c}";
                return new Series(name, idx.Select(i => x[i]).ToList(), idx.Select(i => y[i]).ToList(), SeriesKind.Scatter) { MarkerStroke = Theme.Background };
            }).ToList();
        return new Figure([new Chart(groups, null, xlabel, ylabel)], title);
    }

    internal static double[] Values(Tensor t, string what)
    {
        if (t.dim() > 1 && t.shape.Count(d => d != 1) > 1)
            throw new ArgumentException($"plot: {what} must be 1-D, got shape [{string.Join(", ", t.shape)}].");
        return DisplayAdapter.Floats(t).Select(v => (double)v).ToArray();
    }
}
