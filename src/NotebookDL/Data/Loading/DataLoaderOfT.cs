using System.Collections;
using static NotebookDL.torch;
using static NotebookDL.torch.utils.data;

namespace NotebookDL.Modules;

/// <summary>
/// Iterates a dataset in batches: the sampler gives the sample order, <see cref="collate_fn"/> merges samples.
/// Datasets that can copy a batch straight from their backing arrays (TensorDataset, MNIST, CIFAR10 and their
/// subsets) do so when the default collate is used, so no per-sample tensors are made.
/// </summary>
public class DataLoader<T, S> : IEnumerable<S>, IDisposable
{
    public Dataset<T> dataset { get; }
    public int batch_size { get; }
    public bool drop_last { get; }
    public IEnumerable<long> sampler { get; }
    public int num_workers { get; }
    public Func<IEnumerable<T>, Device, S> collate_fn { get; }
    public Device Device { get; }
    public bool DisposeBatch { get; }
    public bool DisposeDataset { get; }

    /// <summary>Set by the loaders whose collate_fn is the default stacking, which the batch fast path reproduces.</summary>
    internal bool UsesDefaultCollate { get; init; }

    public DataLoader(
        Dataset<T> dataset, int batchSize, Func<IEnumerable<T>, Device, S> collate_fn, IEnumerable<long> shuffler,
        Device? device = null, int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(collate_fn);
        ArgumentNullException.ThrowIfNull(shuffler);
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), $"DataLoader: batchSize must be at least 1, got {batchSize}.");
        Device = device ?? CPU;
        CheckDeviceAvailable(Device);
        this.dataset = dataset;
        batch_size = batchSize;
        this.collate_fn = collate_fn;
        sampler = shuffler;
        num_workers = Math.Max(num_worker, 1);
        this.drop_last = drop_last;
        DisposeBatch = disposeBatch;
        DisposeDataset = disposeDataset;
    }

    public DataLoader(
        Dataset<T> dataset, int batchSize, Func<IEnumerable<T>, Device, S> collate_fn, bool shuffle = false,
        Device? device = null, int? seed = null, int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
        : this(dataset, batchSize, collate_fn,
              shuffle ? new ShuffleSampler(CountOf(dataset), seed) : new SequentialSampler(CountOf(dataset)),
              device, num_worker, drop_last, disposeBatch, disposeDataset)
    {
    }

    private static long CountOf(Dataset<T> dataset) => dataset?.Count ?? throw new ArgumentNullException(nameof(dataset));

    /// <summary>Number of batches per epoch.</summary>
    public long Count => drop_last ? dataset.Count / batch_size : (dataset.Count + batch_size - 1) / batch_size;

    public IEnumerator<S> GetEnumerator()
    {
        var indices = new long[batch_size];
        var filled = 0;
        var count = dataset.Count;
        foreach (var index in sampler)
        {
            if (index < 0 || index >= count)
                throw new InvalidOperationException(
                    $"DataLoader: the sampler produced index {index}, but the dataset has {count} samples (valid: 0..{count - 1}).");
            indices[filled++] = index;
            if (filled == batch_size)
            {
                yield return MakeBatch(indices, filled);
                filled = 0;
            }
        }
        if (filled > 0 && !drop_last) yield return MakeBatch(indices, filled);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private S MakeBatch(long[] indices, int length)
    {
        if (UsesDefaultCollate && dataset is IBatchSource<S> source) return source.GetBatch(indices.AsSpan(0, length));
        var samples = new T[length];
        for (int i = 0; i < length; i++) samples[i] = dataset.GetTensor(indices[i]);
        return collate_fn(samples, Device);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && DisposeDataset) dataset.Dispose();
    }
}
