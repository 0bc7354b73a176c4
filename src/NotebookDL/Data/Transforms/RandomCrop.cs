namespace NotebookDL;

public static partial class torchvision
{
    /// <summary>Pads every side by <c>padding</c> with the fill value, then cuts a height × width window at a random place.</summary>
    internal sealed class RandomCropTransform(int height, int width, int padding, float fill, torch.Generator? generator) : ITransform
    {
        public torch.Tensor call(torch.Tensor input)
        {
            var img = ImageBatch.Of(input, "RandomCrop");
            int paddedH = img.H + 2 * padding, paddedW = img.W + 2 * padding;
            if (height > paddedH || width > paddedW)
                throw new ArgumentException(
                    $"RandomCrop: the crop {height}×{width} is larger than the padded image {paddedH}×{paddedW} (image {img.H}×{img.W}, padding {padding}).");
            var g = generator ?? torch.Generator.Default;
            var (data, result) = img.NewOutput(height, width);
            for (int n = 0; n < img.N; n++)
            {
                // torchvision's get_params: top, then left, each uniform over the valid positions.
                var top = (int)g.NextLong(paddedH - height + 1);
                var left = (int)g.NextLong(paddedW - width + 1);
                for (int c = 0; c < img.C; c++)
                    Resample.Window(img.Plane(n, c), img.H, img.W, data.AsSpan((n * img.C + c) * height * width, height * width),
                        height, width, top - padding, left - padding, fill);
            }
            return result;
        }
    }

    public static partial class transforms
    {
        /// <summary>
        /// Random square crop after zero padding, the CIFAR-10 augmentation RandomCrop(32, padding: 4).
        /// </summary>
        /// <param name="size">Output height and width.</param>
        /// <param name="padding">Pixels of <paramref name="fill"/> added on every side before cropping.</param>
        /// <param name="fill">Value of the padding pixels.</param>
        /// <param name="generator">Source of randomness; torch's default generator (torch.manual_seed) if null.</param>
        public static ITransform RandomCrop(int size, int padding = 0, double fill = 0, torch.Generator? generator = null) =>
            RandomCrop((size, size), padding, fill, generator);

        /// <summary>Random crop of (height, width) after padding every side by <paramref name="padding"/>.</summary>
        public static ITransform RandomCrop((int height, int width) size, int padding = 0, double fill = 0, torch.Generator? generator = null)
        {
            if (size.height <= 0 || size.width <= 0)
                throw new ArgumentOutOfRangeException(nameof(size), $"RandomCrop: size must be positive, got {size.height}×{size.width}.");
            if (padding < 0)
                throw new ArgumentOutOfRangeException(nameof(padding), $"RandomCrop: padding must be >= 0, got {padding}.");
            return new RandomCropTransform(size.height, size.width, padding, (float)fill, generator);
        }
    }
}
