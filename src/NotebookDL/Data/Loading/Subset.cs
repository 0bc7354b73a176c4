using static NotebookDL.torch;
using static NotebookDL.torch.utils.data;

namespace NotebookDL.Modules
{
    /// <summary>
    /// A view of some samples of a map-style dataset, by index (from random_split or train_validation_split).
    /// Its own <see cref="transform"/> / <see cref="target_transform"/> run after the base dataset's, so a training
    /// split can be augmented while its validation split is not.
    /// </summary>
    public class Subset : Dataset, IBatchSource<Dictionary<string, Tensor>>
    {
        private readonly long[] map;

        internal Subset(Dataset dataset, long[] indices)
        {
            this.dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
            map = SubsetIndices.Check(indices, dataset.Count);
        }

        /// <summary>The dataset this subset selects from.</summary>
        public Dataset dataset { get; }

        /// <summary>The selected indices into <see cref="dataset"/>, in subset order.</summary>
        public IReadOnlyList<long> indices => map;

        private torchvision.ITransform? transformAsSet, transformToRun;

        /// <summary>
        /// Applied to "data" (an image [C, H, W], or a batch [B, C, H, W] in a DataLoader) after the base dataset's own
        /// transform. A leading ToTensor() is skipped: NotebookDL datasets already return ToTensor output.
        /// </summary>
        public torchvision.ITransform? transform
        {
            get => transformAsSet;
            set
            {
                transformAsSet = value;
                transformToRun = torchvision.ComposedTransforms.WithoutLeadingToTensor(value);
            }
        }

        /// <summary>Applied to "label" (a scalar, or [B] in a DataLoader) after the base dataset's own target_transform.</summary>
        public torchvision.ITransform? target_transform { get; set; }

        public override long Count => map.Length;

        public override Dictionary<string, Tensor> GetTensor(long index)
        {
            CheckIndex(index);
            return Apply(dataset.GetTensor(map[index]));
        }

        Dictionary<string, Tensor> IBatchSource<Dictionary<string, Tensor>>.GetBatch(ReadOnlySpan<long> positions)
        {
            var mapped = SubsetIndices.Map(map, positions);
            var batch = dataset is IBatchSource<Dictionary<string, Tensor>> source
                ? source.GetBatch(mapped)
                : Collate.Dictionaries(mapped.Select(dataset.GetTensor).ToList(), CPU);
            return Apply(batch);
        }

        private Dictionary<string, Tensor> Apply(Dictionary<string, Tensor> sample)
        {
            if (transformToRun is null && target_transform is null) return sample;
            var result = new Dictionary<string, Tensor>(sample);
            if (transformToRun is not null) result["data"] = transformToRun.call(Field(sample, "data"));
            if (target_transform is not null) result["label"] = target_transform.call(Field(sample, "label"));
            return result;
        }

        private static Tensor Field(Dictionary<string, Tensor> sample, string key) =>
            sample.TryGetValue(key, out var t) ? t
            : throw new InvalidOperationException(
                $"Subset: a transform is set but the base dataset's samples have no '{key}' entry (keys: {string.Join(", ", sample.Keys)}).");
    }

    /// <summary>A view of some samples of a tensor-list dataset (e.g. a TensorDataset), by index.</summary>
    public class IterableSubset : IterableDataset, IBatchSource<IList<Tensor>>
    {
        private readonly long[] map;

        internal IterableSubset(IterableDataset dataset, long[] indices)
        {
            this.dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
            map = SubsetIndices.Check(indices, dataset.Count);
        }

        public IterableDataset dataset { get; }

        public IReadOnlyList<long> indices => map;

        public override long Count => map.Length;

        public override IList<Tensor> GetTensor(long index)
        {
            CheckIndex(index);
            return dataset.GetTensor(map[index]);
        }

        IList<Tensor> IBatchSource<IList<Tensor>>.GetBatch(ReadOnlySpan<long> positions)
        {
            var mapped = SubsetIndices.Map(map, positions);
            return dataset is IBatchSource<IList<Tensor>> source
                ? source.GetBatch(mapped)
                : Collate.Lists(mapped.Select(dataset.GetTensor).ToList(), CPU);
        }
    }
}

namespace NotebookDL
{
    internal static class SubsetIndices
    {
        public static long[] Check(long[] indices, long count)
        {
            ArgumentNullException.ThrowIfNull(indices);
            for (int i = 0; i < indices.Length; i++)
                if (indices[i] < 0 || indices[i] >= count)
                    throw new ArgumentOutOfRangeException(nameof(indices),
                        $"Subset: indices[{i}] = {indices[i]} is out of range for a dataset of {count} samples (valid: 0..{count - 1}).");
            return (long[])indices.Clone();
        }

        public static long[] Map(long[] map, ReadOnlySpan<long> positions)
        {
            var mapped = new long[positions.Length];
            for (int i = 0; i < positions.Length; i++) mapped[i] = map[positions[i]];
            return mapped;
        }
    }
}
