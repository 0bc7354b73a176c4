namespace NotebookDL.Display;

/// <summary>
/// Runs real engine optimizers on a two-parameter loss surface and draws each path over the surface's
/// contours, one panel per optimizer (the textbook's side-by-side comparison).
/// </summary>
internal static class OptimizerTrajectories
{
    private const int GridSize = 90;
    private const int Levels = 10;

    /// <summary>Past this many steps the dots of each step would hide the path, so it is drawn as a line only.</summary>
    public const int MaxStepsWithMarkers = 100;

    public static Figure Build(Func<Tensor, Tensor, Tensor>? loss, (double x, double y) start, int steps, IReadOnlyList<OptimizerChoice> optimizers,
        AxisRange? xrange, AxisRange? yrange, string? title)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), $"plot_optimizer_trajectories: steps must be at least 1, got {steps}.");
        if (optimizers.Count == 0) throw new ArgumentException("plot_optimizer_trajectories: give at least one optimizer.");
        var f = loss ?? ((x, y) => x * x * 0.1 + y * y * 2.0);
        var xr = xrange ?? new AxisRange(-6, 6);
        var yr = yrange ?? new AxisRange(-3, 3);
        var contours = ContourSeries(f, xr, yr);
        var panels = optimizers.Select(o =>
        {
            var path = Run(f, start, steps, o);
            var (endX, endY, endLoss) = path[^1];
            var series = new List<Series>(contours)
            {
                new("path", path.Select(p => p.x).ToList(), path.Select(p => p.y).ToList(), steps <= MaxStepsWithMarkers ? SeriesKind.LineWithMarkers : SeriesKind.Line) { Color = "#D55E00", Width = 1.8, MarkerRadius = 2.5 },
            };
            return new Chart(series, $"{o.Name}") { XRange = xr, YRange = yr, PointMarkers = [new PointMarker(start.x, start.y, "start", Theme.Text), new PointMarker(endX, endY, "end", "#D55E00", MarkerShape.Star)] };
        }).ToList();
        return new Figure(panels, title ?? $"{steps} steps of each optimizer from ({Numbers.Compact(start.x)}, {Numbers.Compact(start.y)})")
        {
            Columns = Math.Min(3, panels.Count),
            PanelHeight = 230,
            SharedLegend = true,
        };
    }

    /// <summary>Takes <paramref name="steps"/> optimizer steps on f(p₀, p₁); returns every point visited with its loss.</summary>
    public static List<(double x, double y, double loss)> Run(Func<Tensor, Tensor, Tensor> f, (double x, double y) start, int steps, OptimizerChoice choice)
    {
        using var scope = torch.NewDisposeScope(); // frees TorchSharp's native parameter, losses and optimizer state
        var p = new Modules.Parameter(torch.tensor(new[] { (float)start.x, (float)start.y }));
        var optimizer = choice.Create([p]);
        var path = new List<(double, double, double)>();
        using var _ = torch.enable_grad();
        for (int step = 0; step <= steps; step++)
        {
            optimizer.zero_grad();
            var value = f(p.select(0, 0), p.select(0, 1));
            var xy = DisplayAdapter.Floats(p);
            path.Add((xy[0], xy[1], value.item<float>()));
            if (step == steps || !float.IsFinite(value.item<float>())) break;
            value.backward();
            optimizer.step();
        }
        return path;
    }

    /// <summary>Contour lines of f over the ranges, spaced more densely near the minimum where paths end.</summary>
    private static List<Series> ContourSeries(Func<Tensor, Tensor, Tensor> f, AxisRange xr, AxisRange yr)
    {
        var xs = Enumerable.Range(0, GridSize).Select(i => xr.Min + (xr.Max - xr.Min) * i / (GridSize - 1)).ToArray();
        var ys = Enumerable.Range(0, GridSize).Select(j => yr.Min + (yr.Max - yr.Min) * j / (GridSize - 1)).ToArray();
        var gx = new float[GridSize * GridSize];
        var gy = new float[GridSize * GridSize];
        for (int j = 0; j < GridSize; j++)
            for (int i = 0; i < GridSize; i++) (gx[j * GridSize + i], gy[j * GridSize + i]) = ((float)xs[i], (float)ys[j]);
        float[] values;
        using (torch.no_grad()) values = DisplayAdapter.Floats(f(torch.tensor(gx), torch.tensor(gy)));
        if (values.Length != gx.Length)
            throw new ArgumentException("plot_optimizer_trajectories: the loss must be element-wise in its two arguments (it is evaluated on a whole grid at once).");
        var z = new double[GridSize, GridSize];
        for (int j = 0; j < GridSize; j++)
            for (int i = 0; i < GridSize; i++) z[j, i] = values[j * GridSize + i];
        var finite = values.Where(float.IsFinite).Select(v => (double)v).DefaultIfEmpty(0).ToList();
        var (min, max) = (finite.Min(), finite.Max());
        return Enumerable.Range(0, Levels).Select(k =>
        {
            var t = (k + 0.5) / Levels;
            var level = min + (max - min) * t * t;
            return Contours.ToSeries(Contours.Lines(z, xs, ys, level), "", ColorScale.Hex(ColorScale.ViridisAt(0.85 * k / (Levels - 1))), 1) with { Opacity = 0.8 };
        }).ToList();
    }
}
