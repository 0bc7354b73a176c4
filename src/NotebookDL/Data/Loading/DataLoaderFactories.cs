namespace NotebookDL;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class data
        {
            /// <summary>
            /// Batches a map-style dataset (MNIST, CIFAR10, Subset, ...): each batch is a dictionary with every key
            /// stacked, e.g. batch["data"] [B, C, H, W] and batch["label"] [B].
            /// </summary>
            /// <param name="dataset">The samples.</param>
            /// <param name="batchSize">Samples per batch; the last batch is smaller unless <paramref name="drop_last"/>.</param>
            /// <param name="shuffle">A new random order every epoch.</param>
            /// <param name="device">Where batches go; only the CPU exists in this build.</param>
            /// <param name="seed">Seeds the shuffling (a reproducible run whose epochs still differ); without it the order is
            /// drawn from torch's default generator, so torch.manual_seed controls it.</param>
            /// <param name="num_worker">Accepted for TorchSharp compatibility; batches are built on the calling thread so that
            /// random augmentations draw their numbers in a reproducible order.</param>
            /// <param name="drop_last">Drop the last batch when it is smaller than <paramref name="batchSize"/>.</param>
            /// <param name="disposeBatch">Accepted for TorchSharp compatibility (tensors here are managed memory).</param>
            /// <param name="disposeDataset">Dispose the dataset when the loader is disposed.</param>
            public static Modules.DataLoader DataLoader(
                Dataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
                int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true) =>
                new(dataset, batchSize, shuffle, device, seed, num_worker, drop_last, disposeBatch, disposeDataset);

            /// <summary>Batches a map-style dataset in the order <paramref name="shuffler"/> gives (a custom sampler).</summary>
            public static Modules.DataLoader DataLoader(
                Dataset dataset, int batchSize, IEnumerable<long> shuffler, Device? device = null,
                int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true) =>
                new(dataset, batchSize, shuffler, device, num_worker, drop_last, disposeBatch, disposeDataset);

            /// <summary>
            /// Batches a tensor-list dataset (TensorDataset, its subsets): each batch is a list with every tensor stacked,
            /// e.g. batch[0] [B, features] and batch[1] [B]. Parameters as for the map-style overload.
            /// </summary>
            public static Modules.IterableDataLoader DataLoader(
                IterableDataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
                int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true) =>
                new(dataset, batchSize, shuffle, device, seed, num_worker, drop_last, disposeBatch, disposeDataset);

            /// <summary>Batches a tensor-list dataset in the order <paramref name="shuffler"/> gives (a custom sampler).</summary>
            public static Modules.IterableDataLoader DataLoader(
                IterableDataset dataset, int batchSize, IEnumerable<long> shuffler, Device? device = null,
                int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true) =>
                new(dataset, batchSize, shuffler, device, num_worker, drop_last, disposeBatch, disposeDataset);
        }
    }
}
