namespace NotebookDL;

public static partial class torchvision
{
    /// <summary>
    /// Mirrors each image left to right (or top to bottom) with probability p (p = 1: always, the deterministic
    /// HorizontalFlip / VerticalFlip).
    /// </summary>
    internal sealed class FlipTransform(bool vertical, double p, torch.Generator? generator) : ITransform
    {
        public torch.Tensor call(torch.Tensor input)
        {
            var img = ImageBatch.Of(input, vertical ? "RandomVerticalFlip" : "RandomHorizontalFlip");
            var g = generator ?? torch.Generator.Default;
            var (data, result) = img.NewOutput(img.H, img.W);
            for (int n = 0; n < img.N; n++)
            {
                // One draw per image even when p is 0 or 1, so the stream of random numbers does not depend on p.
                var flip = g.NextDouble() < p;
                for (int c = 0; c < img.C; c++)
                {
                    var dst = data.AsSpan((n * img.C + c) * img.PlaneSize, img.PlaneSize);
                    if (flip && vertical) Resample.FlipVertical(img.Plane(n, c), dst, img.H, img.W);
                    else if (flip) Resample.FlipHorizontal(img.Plane(n, c), dst, img.H, img.W);
                    else img.Plane(n, c).CopyTo(dst);
                }
            }
            return result;
        }
    }

    public static partial class transforms
    {
        /// <summary>Mirrors images left to right.</summary>
        public static ITransform HorizontalFlip() => new FlipTransform(false, 1.0, null);

        /// <summary>Mirrors images top to bottom.</summary>
        public static ITransform VerticalFlip() => new FlipTransform(true, 1.0, null);

        /// <summary>Mirrors each image top to bottom with probability <paramref name="p"/> (a 6 becomes a 9: use it only where that is harmless).</summary>
        public static ITransform RandomVerticalFlip(double p = 0.5, torch.Generator? generator = null)
        {
            CheckProbability(p, "RandomVerticalFlip");
            return new FlipTransform(true, p, generator);
        }

        /// <summary>Mirrors each image left to right with probability <paramref name="p"/>.</summary>
        /// <param name="p">Probability of flipping one image.</param>
        /// <param name="generator">Source of randomness; torch's default generator (torch.manual_seed) if null.</param>
        public static ITransform RandomHorizontalFlip(double p = 0.5, torch.Generator? generator = null)
        {
            CheckProbability(p, "RandomHorizontalFlip");
            return new FlipTransform(false, p, generator);
        }

        internal static void CheckProbability(double p, string op)
        {
            if (!(p >= 0 && p <= 1))
                throw new ArgumentOutOfRangeException(nameof(p), $"{op}: p must be a probability in [0, 1], got {p}.");
        }
    }
}
