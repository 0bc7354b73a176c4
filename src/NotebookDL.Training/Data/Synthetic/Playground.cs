namespace NotebookDL;

public static partial class synthetic
{
    /// <summary>
    /// TensorFlow Playground's "Exclusive or" set: points uniform in [-5, 5]², pushed 0.3 away from both axes; the
    /// label is 1 when x·y ≥ 0 (first and third quadrants) and 0 otherwise, judged at the point moved by uniform
    /// noise of ±5·<paramref name="noise"/> per coordinate, so noise blurs the boundary as in the Playground.
    /// </summary>
    /// <param name="n_samples">Number of points.</param>
    /// <param name="noise">The Playground's noise setting as a fraction (its slider's 0..50 % is 0..0.5).</param>
    /// <param name="random_state">Seed; null draws from torch's default generator.</param>
    public static (torch.Tensor x, torch.Tensor y) playground_xor(long n_samples = 200, double noise = 0, long? random_state = null)
    {
        CheckCount(n_samples, "playground_xor");
        CheckNoise(noise, "playground_xor");
        var g = GeneratorFor(random_state);
        var x = new double[n_samples * 2];
        var y = new long[n_samples];
        for (long i = 0; i < n_samples; i++)
        {
            var a = Uniform(g, -5, 5);
            a += a > 0 ? 0.3 : -0.3;
            var b = Uniform(g, -5, 5);
            b += b > 0 ? 0.3 : -0.3;
            var noiseA = Uniform(g, -5, 5) * noise;
            var noiseB = Uniform(g, -5, 5) * noise;
            x[2 * i] = a;
            x[2 * i + 1] = b;
            y[i] = (a + noiseA) * (b + noiseB) >= 0 ? 1 : 0;
        }
        return Pack(x, y, 2, shuffle: false, g);
    }

    /// <summary>
    /// TensorFlow Playground's "Gaussian" set: two normal clouds with variance 0.5 + 7·<paramref name="noise"/>
    /// (the Playground maps noise 0..0.5 to variance 0.5..4), class 1 around (2, 2) — the first half of the points,
    /// rounded up — and class 0 around (-2, -2).
    /// </summary>
    /// <param name="n_samples">Number of points.</param>
    /// <param name="noise">The Playground's noise setting as a fraction (0..0.5).</param>
    /// <param name="random_state">Seed; null draws from torch's default generator.</param>
    public static (torch.Tensor x, torch.Tensor y) playground_gauss(long n_samples = 200, double noise = 0, long? random_state = null)
    {
        CheckCount(n_samples, "playground_gauss");
        CheckNoise(noise, "playground_gauss");
        var g = GeneratorFor(random_state);
        var sd = Math.Sqrt(0.5 + 7 * noise);
        var positives = n_samples - n_samples / 2;
        var x = new double[n_samples * 2];
        var y = new long[n_samples];
        for (long i = 0; i < n_samples; i++)
        {
            var centre = i < positives ? 2.0 : -2.0;
            x[2 * i] = centre + sd * g.NextNormal();
            x[2 * i + 1] = centre + sd * g.NextNormal();
            y[i] = i < positives ? 1 : 0;
        }
        return Pack(x, y, 2, shuffle: false, g);
    }

    private static double Uniform(Xoshiro256 g, double min, double max) => min + (max - min) * g.NextDouble();
}
