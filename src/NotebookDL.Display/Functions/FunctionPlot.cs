namespace NotebookDL.Display;

/// <summary>
/// Evaluates functions on a grid and differentiates them with the engine's autograd (one backward of the
/// sum gives every point's derivative, since each output depends only on its own input).
/// </summary>
internal static class FunctionPlot
{
    public static (double[] y, double[] dy, bool differentiable) Evaluate(NamedFunction f, double[] xs)
    {
        using var scope = torch.NewDisposeScope(); // frees TorchSharp's native grid, values and gradients
        var x = torch.tensor(xs.Select(v => (float)v).ToArray()).requires_grad_();
        Tensor y;
        using (torch.enable_grad()) y = f.Function(x);
        if (!y.shape.SequenceEqual(x.shape))
            throw new ArgumentException($"plot_functions: '{f.Name}' must be element-wise, returning shape [{xs.Length}] for an input of shape [{xs.Length}], but returned [{string.Join(", ", y.shape)}].");
        var values = ToDoubles(y);
        if (!y.requires_grad) return (values, new double[xs.Length], false); // a step has no gradient: its derivative is 0 almost everywhere
        y.sum().backward();
        return (values, x.grad is null ? new double[xs.Length] : ToDoubles(x.grad), true);
    }

    public static Figure Build(IReadOnlyList<NamedFunction> functions, double min, double max, bool derivatives, int points, string? title, AxisRange? ylim, AxisRange? dylim, string xlabel = "x")
    {
        if (functions.Count == 0) throw new ArgumentException("plot_functions: give at least one function.");
        if (!(max > min)) throw new ArgumentException($"plot_functions: the range must have max > min, got [{min}, {max}].");
        if (points < 2) throw new ArgumentException($"plot_functions: need at least 2 points, got {points}.");
        var xs = Enumerable.Range(0, points).Select(i => min + (max - min) * i / (points - 1)).ToArray();
        var values = new List<Series>();
        var slopes = new List<Series>();
        var flat = new List<string>();
        for (int i = 0; i < functions.Count; i++)
        {
            var (y, dy, differentiable) = Evaluate(functions[i], xs);
            var color = Theme.SeriesColor(i);
            // from the fifth curve on, dashes keep curves that coincide (ReLU under leaky ReLU) visible
            values.Add(new Series(functions[i].Name, xs, y) { Color = color, Dash = i >= 4 ? "6 4" : null });
            // the legend above both panels names each colour once; derivative series need no entries of their own
            slopes.Add(new Series("", xs, dy) { Color = color, Dash = i >= 4 ? "6 4" : null });
            if (!differentiable) flat.Add(functions[i].Name);
        }
        var panels = new List<Chart> { new(values, $"f({xlabel})", xlabel) { YRange = ylim, XRange = new AxisRange(min, max), ShowZeroLines = true } };
        var derivativeTitle = $"f\u2032({xlabel}) by autograd" + (flat.Count == 0 ? "" : $" ({string.Join(", ", flat)}: no gradient)");
        if (derivatives) panels.Add(new Chart(slopes, derivativeTitle, xlabel) { YRange = dylim, XRange = new AxisRange(min, max), ShowZeroLines = true });
        return new Figure(panels, title) { Columns = panels.Count, SharedLegend = true, PanelHeight = 320 };
    }

    private static double[] ToDoubles(Tensor t) => DisplayAdapter.Floats(t).Select(v => (double)v).ToArray();
}
