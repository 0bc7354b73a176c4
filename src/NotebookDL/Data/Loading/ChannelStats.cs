using NotebookDL.Modules;

namespace NotebookDL;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class data
        {
            /// <summary>
            /// Per-channel mean and standard deviation of a dataset's images (NotebookDL extension), for
            /// transforms.Normalize. Pass the training split only, so no validation or test statistics leak in.
            /// For MNIST/CIFAR10 and their subsets the raw images (values in [0, 1], before any transform) are used;
            /// other datasets contribute their "data" tensors [C, H, W] as returned. The std is the population std
            /// (NumPy's x.std(), ddof = 0).
            /// </summary>
            /// <example><code>
            /// var (train, valid) = torch.utils.data.train_validation_split(cifar, validation: 5000);
            /// var (mean, std) = torch.utils.data.channel_mean_std(train);
            /// train.transform = transforms.Normalize(mean, std);
            /// valid.transform = transforms.Normalize(mean, std);
            /// </code></example>
            public static (double[] mean, double[] std) channel_mean_std(Dataset dataset)
            {
                ArgumentNullException.ThrowIfNull(dataset);
                if (dataset.Count == 0) throw new ArgumentException("channel_mean_std: the dataset is empty.", nameof(dataset));
                if (RawImages(dataset) is { } raw) return FromBytes(raw.images, raw.indices);
                var channels = dataset.GetTensor(0)["data"].Shape[0];
                var sums = new double[channels];
                var squares = new double[channels];
                long perChannel = 0;
                for (long i = 0; i < dataset.Count; i++)
                {
                    var image = dataset.GetTensor(i)["data"];
                    if (image.Shape.Length != 3 || image.Shape[0] != channels)
                        throw new ArgumentException(
                            $"channel_mean_std: sample {i} has \"data\" of shape {Shapes.Format(image.Shape)}; expected images [{channels}, H, W] like sample 0.");
                    perChannel = Accumulate(image.to(ScalarType.Float32).contiguous().FloatSpan(), (int)channels, sums, squares, perChannel);
                }
                return Finish(sums, squares, perChannel);
            }

            /// <summary>Per-channel mean and population std of images [N, C, H, W] (or one image [C, H, W]).</summary>
            public static (double[] mean, double[] std) channel_mean_std(Tensor images)
            {
                ArgumentNullException.ThrowIfNull(images);
                if (images.Shape.Length is not (3 or 4) || images.numel() == 0)
                    throw new ArgumentException($"channel_mean_std: expected images [N, C, H, W] or [C, H, W], got shape {Shapes.Format(images.Shape)}.");
                var channels = (int)images.Shape[^3];
                var n = images.Shape.Length == 4 ? images.Shape[0] : 1;
                var data = images.to(ScalarType.Float32).contiguous().FloatSpan();
                var sums = new double[channels];
                var squares = new double[channels];
                long perChannel = 0;
                var imageSize = data.Length / (int)n;
                for (int i = 0; i < n; i++) perChannel = Accumulate(data.Slice(i * imageSize, imageSize), channels, sums, squares, perChannel);
                return Finish(sums, squares, perChannel);
            }

            private static long Accumulate(ReadOnlySpan<float> image, int channels, double[] sums, double[] squares, long perChannel)
            {
                var plane = image.Length / channels;
                for (int c = 0; c < channels; c++)
                    foreach (var v in image.Slice(c * plane, plane))
                    {
                        sums[c] += v;
                        squares[c] += (double)v * v;
                    }
                return perChannel + plane;
            }

            private static (double[] mean, double[] std) Finish(double[] sums, double[] squares, long count)
            {
                var mean = sums.Select(s => s / count).ToArray();
                var std = squares.Select((q, c) => Math.Sqrt(Math.Max(q / count - mean[c] * mean[c], 0))).ToArray();
                return (mean, std);
            }

            /// <summary>The byte images behind a vision dataset or a chain of subsets of one, with the selected indices.</summary>
            private static (VisionDataset images, long[] indices)? RawImages(Dataset dataset)
            {
                switch (dataset)
                {
                    case VisionDataset vision:
                        return (vision, Enumerable.Range(0, (int)vision.Count).Select(i => (long)i).ToArray());
                    case Modules.Subset subset when RawImages(subset.dataset) is { } inner:
                        return (inner.images, subset.indices.Select(i => inner.indices[i]).ToArray());
                    default:
                        return null;
                }
            }

            private static (double[] mean, double[] std) FromBytes(VisionDataset images, long[] indices)
            {
                // A histogram of byte values per channel gives exact sums, independent of summation order, and is fast.
                var channels = (int)images.channels;
                var histogram = new int[channels * 256];
                foreach (var index in indices)
                {
                    var raw = images.RawImage(index);
                    var plane = raw.Length / channels;
                    for (int c = 0; c < channels; c++)
                    {
                        var bins = histogram.AsSpan(c * 256, 256);
                        foreach (var b in raw.Slice(c * plane, plane)) bins[b]++;
                    }
                }
                double count = (double)indices.Length * images.height * images.width;
                var mean = new double[channels];
                var std = new double[channels];
                for (int c = 0; c < channels; c++)
                {
                    double sum = 0, squares = 0;
                    for (int v = 0; v < 256; v++)
                    {
                        sum += (double)v * histogram[c * 256 + v];
                        squares += (double)v * v * histogram[c * 256 + v];
                    }
                    mean[c] = sum / count / 255.0;
                    std[c] = Math.Sqrt(Math.Max(squares / count / (255.0 * 255.0) - mean[c] * mean[c], 0));
                }
                return (mean, std);
            }
        }
    }
}
