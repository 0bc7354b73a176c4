namespace NotebookDL.Training;

/// <summary>Something fit can draw (input, target) batches from, epoch after epoch.</summary>
public interface IBatchSource
{
    long sample_count { get; }

    int batch_count { get; }

    IEnumerable<(Tensor x, Tensor y)> Batches();
}

/// <summary>
/// Batches of in-memory tensors. Unshuffled batches are zero-copy views; shuffled ones copy whole rows
/// straight into one buffer per batch. Shuffling draws from torch's default generator, so
/// torch.manual_seed makes the order reproducible.
/// </summary>
internal sealed class TensorBatches : IBatchSource, IDisposable
{
    private readonly Tensor x, y;
    private readonly int batchSize;
    private readonly bool shuffle;

    public TensorBatches(Tensor x, Tensor y, int batchSize, bool shuffle, string op)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"{op}: batch_size must be at least 1, got {batchSize}.");
        if (x.dim() == 0 || y.dim() == 0 || x.size(0) != y.size(0))
            throw new ArgumentException(
                $"{op}: x and y must have the same number of samples in their first dimension, but x is {EngineAdapter.FormatShape(x.shape)} and y is {EngineAdapter.FormatShape(y.shape)}.");
        using (torch.NewDisposeScope()) // frees the intermediate detach() handles on TorchSharp
            (this.x, this.y) = (EngineAdapter.KeepBeyondScope(x.detach().contiguous()), EngineAdapter.KeepBeyondScope(y.detach().contiguous()));
        (this.batchSize, this.shuffle) = (batchSize, shuffle);
    }

    /// <summary>Frees this source's own handles of x and y (on TorchSharp; the caller's tensors are untouched).</summary>
    public void Dispose()
    {
        x.Dispose();
        y.Dispose();
    }

    public long sample_count => x.size(0);

    public int batch_count => (int)((sample_count + batchSize - 1) / batchSize);

    public IEnumerable<(Tensor x, Tensor y)> Batches()
    {
        var order = shuffle ? EngineAdapter.ToArray<long>(torch.randperm(sample_count)) : null;
        for (long start = 0; start < sample_count; start += batchSize)
        {
            var length = Math.Min(batchSize, sample_count - start);
            if (order is null) yield return (x.narrow(0, start, length), y.narrow(0, start, length));
            else
            {
                var rows = order.AsSpan((int)start, (int)length).ToArray();
                yield return (EngineAdapter.GatherRows(x, rows), EngineAdapter.GatherRows(y, rows));
            }
        }
    }
}
