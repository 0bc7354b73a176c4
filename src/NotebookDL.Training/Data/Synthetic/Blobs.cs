namespace NotebookDL;

public static partial class synthetic
{
    /// <summary>
    /// scikit-learn's make_blobs: isotropic Gaussian clusters. With an integer <paramref name="centers"/> the cluster
    /// centres are drawn uniformly from <paramref name="center_box"/> ((-10, 10) by default) in every feature; the
    /// samples are split as evenly as possible among the clusters (the first n_samples % centers get one more) and
    /// each is its centre plus normal noise of standard deviation <paramref name="cluster_std"/>. y is the cluster index.
    /// </summary>
    /// <param name="n_samples">Total number of points.</param>
    /// <param name="n_features">Dimensions of each point.</param>
    /// <param name="centers">Number of clusters.</param>
    /// <param name="cluster_std">Standard deviation of every cluster.</param>
    /// <param name="center_box">Range (min, max) the centres are drawn from.</param>
    /// <param name="shuffle">Shuffle the points (otherwise they come grouped by cluster).</param>
    /// <param name="random_state">Seed; null draws from torch's default generator.</param>
    public static (torch.Tensor x, torch.Tensor y) make_blobs(long n_samples = 100, long n_features = 2, int centers = 3, double cluster_std = 1.0,
        (double min, double max)? center_box = null, bool shuffle = true, long? random_state = null)
    {
        if (centers < 1) throw new ArgumentOutOfRangeException(nameof(centers), $"make_blobs: centers must be at least 1, got {centers}.");
        if (n_features < 1 || n_features > 1 << 16)
            throw new ArgumentOutOfRangeException(nameof(n_features), $"make_blobs: n_features must be between 1 and 65536, got {n_features}.");
        var (min, max) = center_box ?? (-10.0, 10.0);
        if (!(min <= max)) throw new ArgumentException($"make_blobs: center_box must be (min, max) with min <= max, got ({min}, {max}).", nameof(center_box));
        var g = GeneratorFor(random_state);
        var centres = new double[centers, n_features];
        for (int c = 0; c < centers; c++)
            for (int f = 0; f < n_features; f++)
                centres[c, f] = min + (max - min) * g.NextDouble();
        return Blobs(n_samples, centres, cluster_std, shuffle, g, "make_blobs");
    }

    /// <summary>make_blobs around given centres, one row per cluster ([n_clusters, n_features]).</summary>
    public static (torch.Tensor x, torch.Tensor y) make_blobs(long n_samples, double[,] centers, double cluster_std = 1.0,
        bool shuffle = true, long? random_state = null)
    {
        ArgumentNullException.ThrowIfNull(centers);
        if (centers.GetLength(0) == 0 || centers.GetLength(1) == 0)
            throw new ArgumentException("make_blobs: centers must have at least one row (cluster) and one column (feature).", nameof(centers));
        return Blobs(n_samples, centers, cluster_std, shuffle, GeneratorFor(random_state), "make_blobs");
    }

    private static (torch.Tensor x, torch.Tensor y) Blobs(long n_samples, double[,] centres, double std, bool shuffle, Xoshiro256 g, string op)
    {
        CheckCount(n_samples, op);
        if (!(std >= 0) || double.IsInfinity(std))
            throw new ArgumentOutOfRangeException(nameof(std), $"{op}: cluster_std must be a finite number >= 0, got {std}.");
        int k = centres.GetLength(0), features = centres.GetLength(1);
        var x = new double[EngineAdapter.CheckedElementCount([n_samples, features], op)];
        var y = new long[n_samples];
        long at = 0;
        var sizes = EvenSplit(n_samples, k);
        for (int c = 0; c < k; c++)
            for (long i = 0; i < sizes[c]; i++, at++)
            {
                y[at] = c;
                for (int f = 0; f < features; f++) x[at * features + f] = centres[c, f] + std * g.NextNormal();
            }
        return Pack(x, y, features, shuffle, g);
    }
}
