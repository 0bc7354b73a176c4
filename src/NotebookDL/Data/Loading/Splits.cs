using NotebookDL.Modules;

namespace NotebookDL;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class data
        {
            /// <summary>The samples of <paramref name="dataset"/> at <paramref name="indices"/>, in that order.</summary>
            public static Modules.Subset Subset(Dataset dataset, long[] indices) => new(dataset, indices);

            /// <summary>The samples of a tensor-list dataset at <paramref name="indices"/>, in that order.</summary>
            public static IterableSubset Subset(IterableDataset dataset, long[] indices) => new(dataset, indices);

            /// <summary>
            /// Randomly splits a dataset into non-overlapping subsets of the given lengths (which must add up to its
            /// size), drawing one permutation from <paramref name="generator"/> (torch's default generator if null).
            /// </summary>
            /// <example><code>var parts = random_split(ds, [50_000, 10_000], new torch.Generator(42));</code></example>
            public static Modules.Subset[] random_split(Dataset dataset, long[] lengths, Generator? generator = null) =>
                SplitIndices(dataset.Count, lengths, generator).Select(ix => new Modules.Subset(dataset, ix)).ToArray();

            /// <summary>Randomly splits by fractions that add up to 1 (PyTorch rounds down and hands the remainder out round-robin).</summary>
            public static Modules.Subset[] random_split(Dataset dataset, double[] fractions, Generator? generator = null) =>
                random_split(dataset, FractionsToLengths(dataset.Count, fractions), generator);

            public static IterableSubset[] random_split(IterableDataset dataset, long[] lengths, Generator? generator = null) =>
                SplitIndices(dataset.Count, lengths, generator).Select(ix => new IterableSubset(dataset, ix)).ToArray();

            public static IterableSubset[] random_split(IterableDataset dataset, double[] fractions, Generator? generator = null) =>
                random_split(dataset, FractionsToLengths(dataset.Count, fractions), generator);

            /// <summary>
            /// The textbook's hold-out split (NotebookDL extension): the first <paramref name="validation"/> samples become
            /// the validation set and the rest the training set, as in x_valid = x_train[:5000]; x_train = x_train[5000:].
            /// </summary>
            /// <example><code>
            /// var (train, valid) = torch.utils.data.train_validation_split(torchvision.datasets.CIFAR10("data"), validation: 5000);
            /// </code></example>
            public static (Modules.Subset train, Modules.Subset valid) train_validation_split(Dataset dataset, long validation = 5000)
            {
                var (trainIx, validIx) = HoldOut(dataset.Count, validation);
                return (new Modules.Subset(dataset, trainIx), new Modules.Subset(dataset, validIx));
            }

            /// <summary>The textbook's hold-out split for a tensor-list dataset: the first <paramref name="validation"/> samples validate.</summary>
            public static (IterableSubset train, IterableSubset valid) train_validation_split(IterableDataset dataset, long validation = 5000)
            {
                var (trainIx, validIx) = HoldOut(dataset.Count, validation);
                return (new IterableSubset(dataset, trainIx), new IterableSubset(dataset, validIx));
            }

            private static (long[] train, long[] valid) HoldOut(long count, long validation)
            {
                if (validation < 0 || validation > count)
                    throw new ArgumentOutOfRangeException(nameof(validation),
                        $"train_validation_split: validation = {validation} must be between 0 and the dataset size {count}.");
                var valid = new long[validation];
                for (long i = 0; i < validation; i++) valid[i] = i;
                var train = new long[count - validation];
                for (long i = 0; i < train.Length; i++) train[i] = validation + i;
                return (train, valid);
            }

            private static long[][] SplitIndices(long count, long[] lengths, Generator? generator)
            {
                ArgumentNullException.ThrowIfNull(lengths);
                if (lengths.Any(l => l < 0))
                    throw new ArgumentException($"random_split: lengths must be non-negative, got [{string.Join(", ", lengths)}].", nameof(lengths));
                if (lengths.Sum() != count)
                    throw new ArgumentException(
                        $"random_split: the lengths [{string.Join(", ", lengths)}] add up to {lengths.Sum()}, but the dataset has {count} samples; they must be equal.",
                        nameof(lengths));
                var order = randperm(count, generator ?? Generator.Default).LongData;
                var parts = new long[lengths.Length][];
                long start = 0;
                for (int i = 0; i < lengths.Length; i++)
                {
                    parts[i] = order.AsSpan((int)start, (int)lengths[i]).ToArray();
                    start += lengths[i];
                }
                return parts;
            }

            private static long[] FractionsToLengths(long count, double[] fractions)
            {
                ArgumentNullException.ThrowIfNull(fractions);
                if (fractions.Length == 0 || fractions.Any(f => f < 0 || f > 1 || double.IsNaN(f)) || Math.Abs(fractions.Sum() - 1) > 1e-9)
                    throw new ArgumentException(
                        $"random_split: fractions must each be in [0, 1] and add up to 1, got [{string.Join(", ", fractions)}] (sum {fractions.Sum()}).",
                        nameof(fractions));
                var lengths = fractions.Select(f => (long)Math.Floor(count * f)).ToArray();
                var remainder = count - lengths.Sum();
                for (long i = 0; i < remainder; i++) lengths[i % lengths.Length]++;
                return lengths;
            }
        }
    }
}
