namespace NotebookDL
{
    public static partial class torch
    {
        public static partial class utils
        {
            public static partial class data
            {
                /// <summary>
                /// Dataset wrapping tensors that share their first dimension: sample i is (t0[i], t1[i], ...).
                /// Batches are copied row by row from the tensors into one buffer per tensor, with no per-sample tensors.
                /// </summary>
                /// <example><code>
                /// var ds = torch.utils.data.TensorDataset(x, y);            // x [n, features], y [n]
                /// foreach (var batch in torch.utils.data.DataLoader(ds, 32, shuffle: true))
                ///     Train(batch[0], batch[1]);
                /// </code></example>
                public static Modules.TensorDataset TensorDataset(params Tensor[] tensors) => new(tensors);
            }
        }
    }
}

namespace NotebookDL.Modules
{
    using static NotebookDL.torch;

    public class TensorDataset : utils.data.IterableDataset, IBatchSource<IList<Tensor>>
    {
        private readonly Tensor[] columns;
        private readonly long[] rowSizes;

        internal TensorDataset(Tensor[] tensors)
        {
            if (tensors is null || tensors.Length == 0)
                throw new ArgumentException("TensorDataset: give at least one tensor, e.g. TensorDataset(x, y).", nameof(tensors));
            for (int i = 0; i < tensors.Length; i++)
            {
                if (tensors[i] is null) throw new ArgumentNullException(nameof(tensors), $"TensorDataset: tensor {i} is null.");
                if (tensors[i].Shape.Length == 0)
                    throw new ArgumentException($"TensorDataset: tensor {i} is a scalar; every tensor needs a first (sample) dimension.", nameof(tensors));
            }
            var n = tensors[0].Shape[0];
            for (int i = 1; i < tensors.Length; i++)
                if (tensors[i].Shape[0] != n)
                    throw new ArgumentException(
                        $"TensorDataset: all tensors must have the same size in dimension 0, but tensor 0 has shape {Shapes.Format(tensors[0].Shape)} " +
                        $"and tensor {i} has shape {Shapes.Format(tensors[i].Shape)}.", nameof(tensors));
            // Made contiguous and detached once, so every batch is a plain row copy.
            columns = tensors.Select(t => t.detach().contiguous()).ToArray();
            rowSizes = columns.Select(t => Shapes.Numel(t.Shape.AsSpan(1))).ToArray();
        }

        /// <summary>The wrapped tensors (detached, contiguous), as PyTorch's TensorDataset.tensors.</summary>
        public IReadOnlyList<Tensor> tensors => columns;

        public override long Count => columns[0].Shape[0];

        /// <summary>Sample <paramref name="index"/>: one row (a view) of every tensor.</summary>
        public IList<Tensor> this[long index]
        {
            get
            {
                CheckIndex(index);
                return columns.Select(t => t[index]).ToList();
            }
        }

        public override IList<Tensor> GetTensor(long index) => this[index];

        IList<Tensor> IBatchSource<IList<Tensor>>.GetBatch(ReadOnlySpan<long> indices)
        {
            var batch = new Tensor[columns.Length];
            for (int k = 0; k < columns.Length; k++)
                batch[k] = RowCopy.Gather(columns[k], rowSizes[k], indices);
            return batch;
        }
    }
}
