using System.Numerics.Tensors;

namespace NotebookDL.Ops;

/// <summary>
/// Where channel c's values lie in a contiguous [N, C, *] tensor: N blocks of Spatial floats, one per sample,
/// at the same offsets in the input, the output and their gradients.
/// </summary>
internal readonly struct BatchNormGeometry
{
    public BatchNormGeometry(long[] shape)
    {
        Batch = checked((int)shape[0]);
        Channels = checked((int)shape[1]);
        long spatial = 1;
        for (int d = 2; d < shape.Length; d++) spatial *= shape[d];
        Spatial = checked((int)spatial);
        PerChannel = (long)Batch * Spatial;
    }

    public int Batch { get; }

    public int Channels { get; }

    public int Spatial { get; }

    /// <summary>M, the number of values each channel's statistics are taken over.</summary>
    public long PerChannel { get; }

    /// <summary>(offset, length) of each of channel c's blocks, the same in the input, the output and the gradients.</summary>
    public IEnumerable<(int at, int length)> Blocks(int c)
    {
        for (int n = 0; n < Batch; n++) yield return ((n * Channels + c) * Spatial, Spatial);
    }

    /// <summary>
    /// Σ dy and Σ dy·(x − μ) over channel c, the latter on centred values (no cancellation when |μ| ≫ σ).
    /// </summary>
    public (double sumDy, double sumDyCentred) GradientSums(float[] dy, int dyOffset, float[] x, int xOffset, int c, float mean) =>
        CentredSums(x, xOffset, c, mean, dy, dyOffset);

    /// <summary>The channel's mean and biased variance, accumulated in double in two passes (no cancellation).</summary>
    public (double mean, double variance) MeanVariance(float[] data, int offset, int c)
    {
        double sum = 0;
        foreach (var (from, length) in Blocks(c)) sum += TensorPrimitives.Sum(data.AsSpan(offset + from, length));
        var mean = sum / PerChannel;
        return (mean, CentredSums(data, offset, c, (float)mean, null, 0).dot / PerChannel);
    }

    /// <summary>
    /// Σ w and Σ w·(x − μ) over channel c, computed on centred chunks of x; without weights w is x − μ itself, so the
    /// dot product is Σ (x − μ)².
    /// </summary>
    private (double sumWeights, double dot) CentredSums(float[] x, int xOffset, int c, float mean, float[]? weights, int weightsOffset)
    {
        double sumWeights = 0, dot = 0;
        Span<float> centred = stackalloc float[Math.Min(Spatial, 1024)];
        foreach (var (at, length) in Blocks(c))
            for (int start = 0; start < length; start += centred.Length)
            {
                var n = Math.Min(centred.Length, length - start);
                var piece = centred[..n];
                TensorPrimitives.Subtract(x.AsSpan(xOffset + at + start, n), mean, piece);
                if (weights is null)
                {
                    dot += TensorPrimitives.SumOfSquares(piece);
                    continue;
                }
                var w = weights.AsSpan(weightsOffset + at + start, n);
                sumWeights += TensorPrimitives.Sum(w);
                dot += TensorPrimitives.Dot(w, piece);
            }
        return (sumWeights, dot);
    }
}
