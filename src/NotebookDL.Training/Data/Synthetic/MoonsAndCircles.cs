namespace NotebookDL;

public static partial class synthetic
{
    /// <summary>
    /// scikit-learn's make_moons: two interleaving half circles. The upper moon (class 0) has n_samples / 2 points
    /// (rounded down) at (cos t, sin t) for t evenly from 0 to π; the lower moon (class 1) has the rest at
    /// (1 - cos t, 0.5 - sin t). Gaussian noise of standard deviation <paramref name="noise"/> is added to every coordinate.
    /// </summary>
    public static (torch.Tensor x, torch.Tensor y) make_moons(long n_samples = 100, bool shuffle = true, double noise = 0, long? random_state = null)
    {
        CheckCount(n_samples, "make_moons");
        CheckNoise(noise, "make_moons");
        var g = GeneratorFor(random_state);
        long outer = n_samples / 2, inner = n_samples - outer;
        var x = new double[n_samples * 2];
        var y = new long[n_samples];
        for (long i = 0; i < n_samples; i++)
        {
            var isInner = i >= outer;
            var (count, k) = isInner ? (inner, i - outer) : (outer, i);
            var t = count > 1 ? Math.PI * k / (count - 1) : 0;
            x[2 * i] = isInner ? 1 - Math.Cos(t) : Math.Cos(t);
            x[2 * i + 1] = isInner ? 1 - Math.Sin(t) - 0.5 : Math.Sin(t);
            y[i] = isInner ? 1 : 0;
        }
        AddNoise(x, noise, g);
        return Pack(x, y, 2, shuffle, g);
    }

    /// <summary>
    /// scikit-learn's make_circles: a large circle (class 0, n_samples / 2 points rounded down) around a smaller one
    /// (class 1, the rest) of radius <paramref name="factor"/>, points evenly spaced in angle, plus Gaussian noise of
    /// standard deviation <paramref name="noise"/>.
    /// </summary>
    /// <param name="factor">Inner radius relative to the outer circle's 1; in [0, 1).</param>
    public static (torch.Tensor x, torch.Tensor y) make_circles(long n_samples = 100, bool shuffle = true, double noise = 0,
        long? random_state = null, double factor = 0.8)
    {
        CheckCount(n_samples, "make_circles");
        CheckNoise(noise, "make_circles");
        if (!(factor >= 0 && factor < 1))
            throw new ArgumentOutOfRangeException(nameof(factor), $"make_circles: factor must be in [0, 1), got {factor}.");
        var g = GeneratorFor(random_state);
        long outer = n_samples / 2, inner = n_samples - outer;
        var x = new double[n_samples * 2];
        var y = new long[n_samples];
        for (long i = 0; i < n_samples; i++)
        {
            var isInner = i >= outer;
            var (count, k) = isInner ? (inner, i - outer) : (outer, i);
            var t = 2 * Math.PI * k / count;
            var r = isInner ? factor : 1.0;
            x[2 * i] = r * Math.Cos(t);
            x[2 * i + 1] = r * Math.Sin(t);
            y[i] = isInner ? 1 : 0;
        }
        AddNoise(x, noise, g);
        return Pack(x, y, 2, shuffle, g);
    }

    private static void AddNoise(double[] x, double noise, Xoshiro256 g)
    {
        if (noise == 0) return;
        for (int i = 0; i < x.Length; i++) x[i] += noise * g.NextNormal();
    }
}
