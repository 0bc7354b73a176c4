namespace NotebookDL;

public static partial class torchvision
{
    /// <summary>
    /// Rotates, shifts and scales each image with parameters drawn per image (angle, then shifts, then scale,
    /// torchvision's order), resampling with nearest or bilinear interpolation and filling uncovered pixels.
    /// </summary>
    internal sealed class AffineTransform(
        string op, (double min, double max) degrees, (double x, double y)? translate, (double min, double max)? scale,
        torch.InterpolationMode interpolation, IList<float>? fill, (int x, int y)? center, torch.Generator? generator) : ITransform
    {
        public torch.Tensor call(torch.Tensor input)
        {
            var img = ImageBatch.Of(input, op);
            var fills = img.Fill(fill, op);
            var g = generator ?? torch.Generator.Default;
            double cx = center?.x ?? (img.W - 1) / 2.0, cy = center?.y ?? (img.H - 1) / 2.0;
            var (data, result) = img.NewOutput(img.H, img.W);
            for (int n = 0; n < img.N; n++)
            {
                var angle = Uniform(g, degrees.min, degrees.max);
                double tx = 0, ty = 0, s = 1;
                if (translate is { } t)
                {
                    var maxDx = t.x * img.W;
                    var maxDy = t.y * img.H;
                    tx = Math.Round(Uniform(g, -maxDx, maxDx));
                    ty = Math.Round(Uniform(g, -maxDy, maxDy));
                }
                if (scale is { } range) s = Uniform(g, range.min, range.max);
                for (int c = 0; c < img.C; c++)
                    Resample.Affine(img.Plane(n, c), data.AsSpan((n * img.C + c) * img.PlaneSize, img.PlaneSize), img.H, img.W,
                        angle, tx, ty, s, cx, cy, interpolation, fills[c]);
            }
            return result;
        }

        private static double Uniform(torch.Generator g, double min, double max) => min == max ? min : min + (max - min) * g.NextDouble();
    }

    public static partial class transforms
    {
        /// <summary>
        /// Rotates each image counter-clockwise by an angle drawn uniformly from [-degrees, degrees] about its centre,
        /// keeping the size; uncovered corners get <paramref name="fill"/> (0 by default).
        /// </summary>
        /// <param name="degrees">Largest rotation in degrees either way.</param>
        /// <param name="interpolation">Nearest (torchvision's default) or Bilinear.</param>
        /// <param name="expand">Must be false: the output always keeps the input size.</param>
        /// <param name="center">Rotation centre (x, y) in pixels; the image centre ((W-1)/2, (H-1)/2) if null.</param>
        /// <param name="fill">Value of uncovered pixels: one for all channels or one per channel.</param>
        /// <param name="generator">Source of randomness; torch's default generator (torch.manual_seed) if null.</param>
        public static ITransform RandomRotation(double degrees, torch.InterpolationMode interpolation = torch.InterpolationMode.Nearest,
            bool expand = false, (int, int)? center = null, IList<float>? fill = null, torch.Generator? generator = null)
        {
            if (!(degrees >= 0))
                throw new ArgumentOutOfRangeException(nameof(degrees), $"RandomRotation: degrees must be >= 0 (the range is [-degrees, degrees]), got {degrees}.");
            return RandomRotation((-degrees, degrees), interpolation, expand, center, fill, generator);
        }

        /// <summary>Rotates each image by an angle drawn uniformly from [degrees.min, degrees.max] (counter-clockwise positive).</summary>
        public static ITransform RandomRotation((double, double) degrees, torch.InterpolationMode interpolation = torch.InterpolationMode.Nearest,
            bool expand = false, (int, int)? center = null, IList<float>? fill = null, torch.Generator? generator = null)
        {
            if (expand)
                throw new NotSupportedException("RandomRotation: expand: true is not supported; rotated images keep their input size (corners are filled).");
            CheckRange(degrees, "RandomRotation", "degrees");
            Resample.CheckInterpolation(interpolation, "RandomRotation");
            return new AffineTransform("RandomRotation", degrees, null, null, interpolation, fill, center, generator);
        }

        /// <summary>
        /// torchvision's RandomAffine without shear: rotation by an angle from [-degrees, degrees], a shift of up to
        /// translate.x × width and translate.y × height (rounded to whole pixels) and a scale from [scale.min, scale.max].
        /// </summary>
        /// <param name="degrees">Largest rotation in degrees either way (0 for none).</param>
        /// <param name="translate">Largest shifts as fractions of width and height, e.g. (0.1, 0.1).</param>
        /// <param name="scale">Range of the zoom factor, e.g. (0.9, 1.1).</param>
        /// <param name="interpolation">Nearest (torchvision's default) or Bilinear.</param>
        /// <param name="fill">Value of uncovered pixels: one for all channels or one per channel.</param>
        /// <param name="center">Centre (x, y) in pixels; the image centre if null.</param>
        /// <param name="generator">Source of randomness; torch's default generator (torch.manual_seed) if null.</param>
        public static ITransform RandomAffine(double degrees, (double, double)? translate = null, (double, double)? scale = null,
            torch.InterpolationMode interpolation = torch.InterpolationMode.Nearest, IList<float>? fill = null, (int, int)? center = null,
            torch.Generator? generator = null)
        {
            if (!(degrees >= 0))
                throw new ArgumentOutOfRangeException(nameof(degrees), $"RandomAffine: degrees must be >= 0 (the range is [-degrees, degrees]), got {degrees}.");
            return RandomAffine((-degrees, degrees), translate, scale, interpolation, fill, center, generator);
        }

        /// <summary>RandomAffine with the rotation angle drawn from [degrees.min, degrees.max].</summary>
        public static ITransform RandomAffine((double, double) degrees, (double, double)? translate = null, (double, double)? scale = null,
            torch.InterpolationMode interpolation = torch.InterpolationMode.Nearest, IList<float>? fill = null, (int, int)? center = null,
            torch.Generator? generator = null)
        {
            CheckRange(degrees, "RandomAffine", "degrees");
            if (translate is { } t && !(t.Item1 >= 0 && t.Item1 <= 1 && t.Item2 >= 0 && t.Item2 <= 1))
                throw new ArgumentOutOfRangeException(nameof(translate),
                    $"RandomAffine: translate values are fractions of the image size and must be in [0, 1], got ({t.Item1}, {t.Item2}); for pixel shifts use RandomTranslation.");
            if (scale is { } s)
            {
                CheckRange(s, "RandomAffine", "scale");
                if (!(s.Item1 > 0))
                    throw new ArgumentOutOfRangeException(nameof(scale), $"RandomAffine: scale values must be positive, got ({s.Item1}, {s.Item2}).");
            }
            Resample.CheckInterpolation(interpolation, "RandomAffine");
            return new AffineTransform("RandomAffine", degrees, translate, scale, interpolation, fill, center, generator);
        }

        private static void CheckRange((double min, double max) range, string op, string name)
        {
            if (!(range.min <= range.max) || double.IsInfinity(range.min) || double.IsInfinity(range.max))
                throw new ArgumentOutOfRangeException(name, $"{op}: {name} must be a finite range (min, max) with min <= max, got ({range.min}, {range.max}).");
        }
    }
}
