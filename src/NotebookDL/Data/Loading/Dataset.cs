namespace NotebookDL;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class data
        {
            /// <summary>
            /// Map-style dataset whose samples are named tensors, e.g. {"data": image, "label": class}
            /// (the built-in MNIST, FashionMNIST and CIFAR10 datasets). A DataLoader stacks each key into a batch.
            /// </summary>
            public abstract class Dataset : Dataset<Dictionary<string, Tensor>>
            {
            }

            /// <summary>
            /// Dataset whose samples are positional tensor lists, e.g. (x, y) rows of a <see cref="TensorDataset"/>.
            /// The name follows TorchSharp, where it is the base of TensorDataset; indexing is still random access.
            /// </summary>
            public abstract class IterableDataset : Dataset<IList<Tensor>>
            {
            }

            /// <summary>The base of every dataset: a count and random access to one sample by index.</summary>
            public abstract class Dataset<T> : IDisposable
            {
                /// <summary>Number of samples.</summary>
                public abstract long Count { get; }

                /// <summary>The sample at <paramref name="index"/> (0 ≤ index &lt; Count); the DataLoader stacks these into batches.</summary>
                public abstract T GetTensor(long index);

                public void Dispose()
                {
                    Dispose(true);
                    GC.SuppressFinalize(this);
                }

                protected virtual void Dispose(bool disposing)
                {
                }

                /// <summary>Throws a clear error for an index outside 0..Count-1.</summary>
                protected void CheckIndex(long index)
                {
                    if (index < 0 || index >= Count)
                        throw new ArgumentOutOfRangeException(nameof(index),
                            $"{GetType().Name}: index {index} is out of range for a dataset of {Count} samples (valid: 0..{Count - 1}).");
                }
            }
        }
    }
}
