namespace NotebookDL.Display;

/// <summary>
/// TensorFlow Playground's picture of a 2-input classifier: the model's output over the plane as a
/// background (orange for class 0, blue for class 1, paler where unsure; a tint of each class colour for
/// more classes), the 0.5 boundary as a line, and the data points on top.
/// </summary>
internal static class DecisionBoundary
{
    private const string Class0 = "#E66101", Class1 = "#0571B0";

    public static Figure Build(Func<Tensor, Tensor> predict, Tensor x, Tensor y, IReadOnlyList<string>? classNames, string? title, int resolution)
    {
        if (x.dim() != 2 || x.shape[1] != 2) throw new ArgumentException($"plot_decision_boundary: x must be [N, 2] (two input features), got [{string.Join(", ", x.shape)}].");
        if (resolution is < 8 or > 400) throw new ArgumentOutOfRangeException(nameof(resolution), $"plot_decision_boundary: resolution must be in [8, 400], got {resolution}.");
        using var scope = torch.NewDisposeScope(); // frees TorchSharp's native grid and predictions
        var points = DisplayAdapter.Floats(x);
        var labels = Labels(y, (int)x.shape[0]);
        var (x0, x1) = Range(points, 0);
        var (y0, y1) = Range(points, 1);
        var xs = Enumerable.Range(0, resolution).Select(i => x0 + (x1 - x0) * i / (resolution - 1)).ToArray();
        var ys = Enumerable.Range(0, resolution).Select(j => y0 + (y1 - y0) * j / (resolution - 1)).ToArray();
        var grid = new float[resolution * resolution * 2];
        for (int j = 0; j < resolution; j++)
            for (int i = 0; i < resolution; i++)
                (grid[2 * (j * resolution + i)], grid[2 * (j * resolution + i) + 1]) = ((float)xs[i], (float)ys[j]);
        var probabilities = Probabilities(predict(torch.tensor(grid, [resolution * resolution, 2])));
        var classes = Math.Max(probabilities.GetLength(1) == 1 ? 2 : probabilities.GetLength(1), (int)labels.DefaultIfEmpty(0).Max() + 1);
        var names = Enumerable.Range(0, classes).Select(c => classNames is not null && c < classNames.Count ? classNames[c] : $"class {c}").ToList();
        var colors = Enumerable.Range(0, classes).Select(c => classes == 2 ? (c == 0 ? Class0 : Class1) : Theme.SeriesColor(c)).ToList();

        var pixels = new byte[resolution * resolution * 3];
        var p1 = new double[resolution, resolution];
        for (int j = 0; j < resolution; j++)
            for (int i = 0; i < resolution; i++)
            {
                var k = j * resolution + i;
                (byte r, byte g, byte b) color;
                if (probabilities.GetLength(1) <= 2)
                {
                    p1[j, i] = probabilities.GetLength(1) == 1 ? probabilities[k, 0] : probabilities[k, 1];
                    color = ColorScale.OrangeBlueAt(p1[j, i]);
                }
                else
                {
                    var best = 0;
                    for (int c = 1; c < probabilities.GetLength(1); c++) if (probabilities[k, c] > probabilities[k, best]) best = c;
                    var chance = 1.0 / probabilities.GetLength(1);
                    var confidence = (probabilities[k, best] - chance) / (1 - chance);
                    color = ColorScale.Tint(ColorScale.Parse(colors[best]), 0.12 + 0.4 * confidence); // pale enough for the points to stand out
                }
                // PNG rows run top to bottom, the y axis bottom to top
                var o = 3 * ((resolution - 1 - j) * resolution + i);
                (pixels[o], pixels[o + 1], pixels[o + 2]) = color;
            }

        var series = new List<Series>();
        if (probabilities.GetLength(1) <= 2)
            series.Add(Contours.ToSeries(Contours.Lines(p1, xs, ys, 0.5), "p = 0.5", Theme.Text, 1.5));
        for (int c = 0; c < classes; c++)
        {
            var idx = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToList();
            if (idx.Count == 0) continue;
            series.Add(new Series(names[c], idx.Select(i => (double)points[2 * i]).ToList(), idx.Select(i => (double)points[2 * i + 1]).ToList(), SeriesKind.Scatter)
            { Color = colors[c], MarkerStroke = Theme.Background, MarkerRadius = labels.Length > 400 ? 3 : 4.5 });
        }
        var chart = new Chart(series, null, "x\u2081", "x\u2082")
        {
            XRange = new AxisRange(x0, x1),
            YRange = new AxisRange(y0, y1),
            Background = new RasterLayer(PngEncoder.DataUri(pixels, resolution, resolution, 3), x0, x1, y0, y1),
        };
        return new Figure([chart], title ?? "Decision boundary") { PanelHeight = 420 };
    }

    /// <summary>Class probabilities [M, C] from probabilities or logits, [M, 1] for one sigmoid output.</summary>
    private static double[,] Probabilities(Tensor output)
    {
        var o = output.detach().to(ScalarType.Float32);
        if (o.dim() == 1) o = o.unsqueeze(1);
        if (o.dim() != 2) throw new ArgumentException($"plot_decision_boundary: the model must return [N], [N, 1] or [N, C] outputs, got [{string.Join(", ", o.shape)}].");
        var (m, c) = ((int)o.shape[0], (int)o.shape[1]);
        var v = DisplayAdapter.Floats(o);
        var isProbability = v.All(p => p >= 0 && p <= 1) && (c == 1 || Enumerable.Range(0, m).All(r => Math.Abs(v.AsSpan(r * c, c).ToArray().Sum() - 1) < 1e-3));
        if (!isProbability) v = DisplayAdapter.Floats(c == 1 ? o.sigmoid() : torch.softmax(o, 1));
        var result = new double[m, c];
        for (int r = 0; r < m; r++)
            for (int k = 0; k < c; k++) result[r, k] = v[r * c + k];
        return result;
    }

    private static long[] Labels(Tensor y, int n)
    {
        var labels = y.dim() == 2 && y.shape[1] > 1 ? DisplayAdapter.Longs(y.argmax(1)) : DisplayAdapter.Floats(y).Select(v => (long)Math.Round(v)).ToArray();
        if (labels.Length != n) throw new ArgumentException($"plot_decision_boundary: {n} points but {labels.Length} labels (y has shape [{string.Join(", ", y.shape)}]).");
        return labels;
    }

    /// <summary>The data's extent in one feature, widened by 10% on each side as the Playground frames its points.</summary>
    private static (double min, double max) Range(float[] points, int feature)
    {
        var values = Enumerable.Range(0, points.Length / 2).Select(i => (double)points[2 * i + feature]).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var (min, max) = (values.Min(), values.Max());
        var pad = Math.Max((max - min) * 0.1, 0.5);
        return (min - pad, max + pad);
    }
}
