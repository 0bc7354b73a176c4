using static NotebookDL.torch;
using static NotebookDL.torch.utils.data;

namespace NotebookDL.Modules;

/// <summary>Loader for map-style datasets: batches are dictionaries of stacked tensors ("data", "label", ...).</summary>
public class DataLoader : DataLoader<Dictionary<string, Tensor>, Dictionary<string, Tensor>>
{
    public DataLoader(
        Dataset dataset, int batchSize, IEnumerable<long> shuffler, Device? device = null,
        int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
        : base(dataset, batchSize, Collate.Dictionaries, shuffler, device, num_worker, drop_last, disposeBatch, disposeDataset) =>
        UsesDefaultCollate = true;

    public DataLoader(
        Dataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
        int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
        : base(dataset, batchSize, Collate.Dictionaries, shuffle, device, seed, num_worker, drop_last, disposeBatch, disposeDataset) =>
        UsesDefaultCollate = true;
}

/// <summary>Loader for tensor-list datasets (TensorDataset): batches are lists of stacked tensors.</summary>
public class IterableDataLoader : DataLoader<IList<Tensor>, IList<Tensor>>
{
    public IterableDataLoader(
        IterableDataset dataset, int batchSize, IEnumerable<long> shuffler, Device? device = null,
        int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
        : base(dataset, batchSize, Collate.Lists, shuffler, device, num_worker, drop_last, disposeBatch, disposeDataset) =>
        UsesDefaultCollate = true;

    public IterableDataLoader(
        IterableDataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
        int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
        : base(dataset, batchSize, Collate.Lists, shuffle, device, seed, num_worker, drop_last, disposeBatch, disposeDataset) =>
        UsesDefaultCollate = true;
}
