namespace NotebookDL;

public static partial class synthetic
{
    /// <summary>
    /// Interleaved spiral arms, one per class, as in Stanford CS231n's spiral example: for class j the i-th of its
    /// points has radius r = i / (m - 1) and angle t = 4j + 4r plus Gaussian noise of standard deviation
    /// <paramref name="noise"/> (in radians), at (r sin t, r cos t). The samples are split as evenly as possible
    /// among the classes and come grouped by class (the DataLoader shuffles).
    /// </summary>
    /// <param name="n_samples">Total number of points.</param>
    /// <param name="n_classes">Number of arms (classes).</param>
    /// <param name="noise">Angular noise.</param>
    /// <param name="random_state">Seed; null draws from torch's default generator.</param>
    public static (torch.Tensor x, torch.Tensor y) make_spirals(long n_samples = 300, int n_classes = 3, double noise = 0.2, long? random_state = null)
    {
        CheckCount(n_samples, "make_spirals");
        CheckNoise(noise, "make_spirals");
        if (n_classes < 1) throw new ArgumentOutOfRangeException(nameof(n_classes), $"make_spirals: n_classes must be at least 1, got {n_classes}.");
        var g = GeneratorFor(random_state);
        var x = new double[n_samples * 2];
        var y = new long[n_samples];
        long at = 0;
        var sizes = EvenSplit(n_samples, n_classes);
        for (int j = 0; j < n_classes; j++)
            for (long i = 0; i < sizes[j]; i++, at++)
            {
                var r = sizes[j] > 1 ? (double)i / (sizes[j] - 1) : 0;
                var t = 4 * j + 4 * r + noise * g.NextNormal();
                x[2 * at] = r * Math.Sin(t);
                x[2 * at + 1] = r * Math.Cos(t);
                y[at] = j;
            }
        return Pack(x, y, 2, shuffle: false, g);
    }
}
