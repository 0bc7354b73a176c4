using static NotebookDL.torchvision;

namespace NotebookDL
{
    public static partial class torchvision
    {
        public static partial class datasets
        {
            /// <summary>
            /// MNIST handwritten digits: 60,000 training or 10,000 test images [1, 28, 28] in [0, 1], labels 0..9.
            /// Reads the four official IDX .gz files, checked against their md5s.
            /// </summary>
            /// <param name="root">A folder holding mnist/ (or the files themselves); null or "" to rely on the search below.
            /// Files are looked for here, then in $NOTEBOOKDL_DATA, then in <see cref="default_root"/>, then in shared/data
            /// folders above the current directory and the NotebookDL assembly.</param>
            /// <param name="train">The training files (train-*) if true, the test files (t10k-*) if false.</param>
            /// <param name="download">Download missing or corrupt files from the official mirrors (progress goes to <see cref="download_progress"/>).</param>
            /// <param name="transform">Runs on "data": an image [1, 28, 28], or a batch [B, 1, 28, 28] in a DataLoader.
            /// (TorchSharp's 4th parameter, which it names target_transform, is this image transform too.)</param>
            /// <param name="target_transform">Runs on "label": a scalar, or [B] in a DataLoader.</param>
            /// <example><code>
            /// var train = torchvision.datasets.MNIST("data", train: true);
            /// var loader = torch.utils.data.DataLoader(train, 64, shuffle: true);
            /// foreach (var batch in loader) { var x = batch["data"]; var y = batch["label"]; }
            /// </code></example>
            public static Modules.MNIST MNIST(string? root, bool train = true, bool download = false,
                ITransform? transform = null, ITransform? target_transform = null) =>
                new(root, train, download, transform, target_transform);

            /// <summary>
            /// Fashion-MNIST (Zalando): 60,000 training or 10,000 test clothing images [1, 28, 28], labels 0..9, in the
            /// MNIST file format. Looked for in fashion-mnist/ under the same roots as <see cref="MNIST"/>.
            /// </summary>
            public static Modules.FashionMNIST FashionMNIST(string? root, bool train = true, bool download = false,
                ITransform? transform = null, ITransform? target_transform = null) =>
                new(root, train, download, transform, target_transform);
        }
    }
}

namespace NotebookDL.Modules
{
    /// <summary>MNIST-format image and label files, already read and checked.</summary>
    internal sealed record IdxData(byte[] Pixels, byte[] Labels, int Rows, int Cols, string Folder, string Description);

    public class MNIST : VisionDataset
    {
        internal static readonly string[] DigitClasses =
            ["0 - zero", "1 - one", "2 - two", "3 - three", "4 - four", "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine"];

        internal MNIST(string? root, bool train, bool download, ITransform? transform, ITransform? target_transform,
            DataSource? source = null, DataEnvironment? env = null)
            : this(Load(source ?? KnownSources.Mnist, root, train, download, env ?? new()), DigitClasses, transform, target_transform)
        {
        }

        private protected MNIST(IdxData data, IReadOnlyList<string> classes, ITransform? transform, ITransform? target_transform)
            : base(data.Pixels, data.Labels, 1, data.Rows, data.Cols, classes, data.Description, data.Folder, transform, target_transform)
        {
        }

        private protected static IdxData Load(DataSource source, string? root, bool train, bool download, DataEnvironment env)
        {
            var prefix = train ? "train" : "t10k";
            var split = train ? "training" : "test";
            var paths = DataResolver.Resolve(source, [$"{prefix}-images-idx3-ubyte.gz", $"{prefix}-labels-idx1-ubyte.gz"],
                $"{split} files", root, download, env);
            var (pixels, count, rows, cols) = IdxReader.ReadImages(source, paths[0]);
            var labels = IdxReader.ReadLabels(source, paths[1]);
            if (labels.Length != count)
                throw DataResolver.Invalid(source, paths[1], $"it has {labels.Length:N0} labels but {Path.GetFileName(paths[0])} has {count:N0} images");
            for (int i = 0; i < labels.Length; i++)
                if (labels[i] > 9) throw DataResolver.Invalid(source, paths[1], $"label {i} is {labels[i]}, but the classes are 0..9");
            return new IdxData(pixels, labels, rows, cols, Path.GetDirectoryName(paths[0])!, $"{source.Title} {split} set");
        }
    }

    public class FashionMNIST : MNIST
    {
        internal static readonly string[] ClothingClasses =
            ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

        internal FashionMNIST(string? root, bool train, bool download, ITransform? transform, ITransform? target_transform,
            DataSource? source = null, DataEnvironment? env = null)
            : base(Load(source ?? KnownSources.FashionMnist, root, train, download, env ?? new()), ClothingClasses, transform, target_transform)
        {
        }
    }
}
