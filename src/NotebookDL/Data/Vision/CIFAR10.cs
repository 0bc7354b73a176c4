using static NotebookDL.torchvision;

namespace NotebookDL
{
    public static partial class torchvision
    {
        public static partial class datasets
        {
            /// <summary>
            /// CIFAR-10: 50,000 training or 10,000 test colour images [3, 32, 32] in [0, 1], labels 0..9, read from the
            /// official binary batches (data_batch_1..5.bin, test_batch.bin in cifar-10-batches-bin/), checked against
            /// their known digests. Roots are searched as for <see cref="MNIST"/>.
            /// </summary>
            /// <param name="root">A folder holding cifar-10-batches-bin/; null or "" to rely on the search.</param>
            /// <param name="train">The five training batches if true, the test batch if false.</param>
            /// <param name="download">Download (cifar-10-binary.tar.gz, 162 MB) and extract when files are missing or corrupt.</param>
            /// <param name="transform">Runs on "data": an image [3, 32, 32], or a batch [B, 3, 32, 32] in a DataLoader.</param>
            /// <param name="target_transform">Runs on "label": a scalar, or [B] in a DataLoader.</param>
            /// <param name="first_1000_test">Load only the first 1,000 test images: test_batch_first1000.bin from
            /// cifar-10-test-partial/ (as this repository's shared data provides), or the first 1,000 records of
            /// test_batch.bin. Report results on it as "first 1,000 CIFAR-10 test images" (see <see cref="Modules.VisionDataset.description"/>).</param>
            /// <example><code>
            /// var full = torchvision.datasets.CIFAR10("data", train: true);
            /// var (train, valid) = torch.utils.data.train_validation_split(full, validation: 5000);
            /// var test = torchvision.datasets.CIFAR10("data", train: false, first_1000_test: true);
            /// </code></example>
            public static Modules.CIFAR10 CIFAR10(string? root, bool train = true, bool download = false,
                ITransform? transform = null, ITransform? target_transform = null, bool first_1000_test = false) =>
                new(root, train, download, transform, target_transform, first_1000_test);
        }
    }
}

namespace NotebookDL.Modules
{
    public class CIFAR10 : VisionDataset
    {
        internal static readonly string[] Classes =
            ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

        internal CIFAR10(string? root, bool train, bool download, ITransform? transform, ITransform? target_transform, bool first_1000_test,
            DataSource? source = null, DataSource? partial = null, DataEnvironment? env = null)
            : this(Load(root, train, download, first_1000_test, source ?? KnownSources.Cifar10, partial ?? KnownSources.Cifar10TestFirst1000, env ?? new()),
                  transform, target_transform)
        {
        }

        private CIFAR10((byte[] pixels, byte[] labels, string folder, string description) data, ITransform? transform, ITransform? target_transform)
            : base(data.pixels, data.labels, 3, 32, 32, Classes, data.description, data.folder, transform, target_transform)
        {
        }

        private static (byte[], byte[], string, string) Load(string? root, bool train, bool download, bool first1000, DataSource source, DataSource partial, DataEnvironment env)
        {
            if (train)
            {
                if (first1000)
                    throw new ArgumentException("CIFAR10: first_1000_test selects part of the test set; use it with train: false.", "first_1000_test");
                var paths = DataResolver.Resolve(source, KnownSources.CifarTrainFiles, "training batches", root, download, env);
                return Read(source, paths, int.MaxValue, "CIFAR-10 training set");
            }
            string[] test = [KnownSources.CifarTestFile], first = [KnownSources.CifarFirst1000File];
            if (first1000)
            {
                // The partial file is preferred when present: it is exactly what the textbook's shared data evaluates on.
                if (DataLocator.Find(partial, first, root, env) is not null)
                    return Read(partial, DataResolver.Resolve(partial, first, "partial test batch", root, false, env), 1000, null);
                return Read(source, DataResolver.Resolve(source, test, "test batch", root, download, env), 1000, null);
            }
            if (!download && DataLocator.Find(source, test, root, env) is null && DataLocator.Find(partial, first, root, env) is { } folder)
                throw new FileNotFoundException(
                    $"CIFAR10: the full test batch (test_batch.bin, 10,000 images) was not found, but {Path.Combine(folder, KnownSources.CifarFirst1000File)} " +
                    "holds the first 1,000 CIFAR-10 test images. Load those with CIFAR10(root, train: false, first_1000_test: true) and report results as " +
                    $"\"first 1,000 CIFAR-10 test images\", or pass download: true to fetch the full test set from {source.Origin}.");
            return Read(source, DataResolver.Resolve(source, test, "test batch", root, download, env), int.MaxValue, "CIFAR-10 test set");
        }

        private static (byte[], byte[], string, string) Read(DataSource source, string[] paths, int max, string? description)
        {
            var (pixels, labels) = CifarReader.Read(source, paths, max);
            return (pixels, labels, Path.GetDirectoryName(paths[0])!, description ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"first {labels.Length:N0} CIFAR-10 test images"));
        }
    }
}
