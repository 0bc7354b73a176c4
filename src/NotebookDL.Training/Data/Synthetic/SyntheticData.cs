namespace NotebookDL;

/// <summary>
/// Small synthetic classification datasets for notebooks. Every function returns (x, y): x float32
/// [n_samples, n_features] and y int64 [n_samples] class indices, and is deterministic for a given
/// random_state (without one it draws from torch's default generator, so torch.manual_seed controls it).
/// scikit-learn's generators keep their names and parameters (make_blobs, make_moons, make_circles); the
/// others are the logic-gate truth tables, CS231n-style spirals and TensorFlow Playground's XOR and Gauss sets.
/// With a random_state the samples are the same on both engines (<see cref="Xoshiro256"/>); they differ from
/// scikit-learn's for the same seed.
/// </summary>
/// <example><code>
/// var (x, y) = synthetic.make_moons(n_samples: 200, noise: 0.1, random_state: 0);
/// var ds = torch.utils.data.TensorDataset(x, y);
/// </code></example>
public static partial class synthetic
{
    private static Xoshiro256 GeneratorFor(long? random_state) => EngineAdapter.RandomStream(random_state);

    /// <summary>Sizes of <paramref name="parts"/> groups that split <paramref name="total"/> as evenly as possible, the first ones larger.</summary>
    private static long[] EvenSplit(long total, long parts)
    {
        var sizes = new long[parts];
        for (long i = 0; i < parts; i++) sizes[i] = total / parts + (i < total % parts ? 1 : 0);
        return sizes;
    }

    /// <summary>Packs rows of doubles and labels into tensors, optionally in a random order drawn from <paramref name="g"/>.</summary>
    private static (torch.Tensor x, torch.Tensor y) Pack(double[] x, long[] y, int features, bool shuffle, Xoshiro256 g)
    {
        var n = y.Length;
        var order = shuffle ? g.Permutation(n) : Enumerable.Range(0, n).Select(i => (long)i).ToArray();
        var xs = new float[n * features];
        var ys = new long[n];
        for (int i = 0; i < n; i++)
        {
            var from = (int)order[i];
            for (int f = 0; f < features; f++) xs[i * features + f] = (float)x[from * features + f];
            ys[i] = y[from];
        }
        return (torch.tensor(xs, [n, features]), torch.tensor(ys, [n]));
    }

    private static void CheckCount(long n_samples, string op, long minimum = 1)
    {
        if (n_samples < minimum || n_samples > int.MaxValue / 64)
            throw new ArgumentOutOfRangeException(nameof(n_samples), $"{op}: n_samples must be between {minimum} and {int.MaxValue / 64}, got {n_samples}.");
    }

    private static void CheckNoise(double noise, string op)
    {
        if (!(noise >= 0) || double.IsInfinity(noise))
            throw new ArgumentOutOfRangeException(nameof(noise), $"{op}: noise must be a finite number >= 0, got {noise}.");
    }
}
