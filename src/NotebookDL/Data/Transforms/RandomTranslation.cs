namespace NotebookDL;

public static partial class torchvision
{
    /// <summary>Shifts each image by whole pixels, up to maxDx horizontally and maxDy vertically, filling the uncovered edge.</summary>
    internal sealed class TranslationTransform(double widthRange, double heightRange, float fill, torch.Generator? generator) : ITransform
    {
        public torch.Tensor call(torch.Tensor input)
        {
            var img = ImageBatch.Of(input, "RandomTranslation");
            var g = generator ?? torch.Generator.Default;
            // Below 1 a range is a fraction of the image size, from 1 on a number of pixels (Keras' width_shift_range rule).
            double maxDx = widthRange < 1 ? widthRange * img.W : widthRange;
            double maxDy = heightRange < 1 ? heightRange * img.H : heightRange;
            var (data, result) = img.NewOutput(img.H, img.W);
            for (int n = 0; n < img.N; n++)
            {
                var dx = (int)Math.Round(-maxDx + 2 * maxDx * g.NextDouble());
                var dy = (int)Math.Round(-maxDy + 2 * maxDy * g.NextDouble());
                for (int c = 0; c < img.C; c++)
                    Resample.Window(img.Plane(n, c), img.H, img.W, data.AsSpan((n * img.C + c) * img.PlaneSize, img.PlaneSize),
                        img.H, img.W, -dy, -dx, fill);
            }
            return result;
        }
    }

    public static partial class transforms
    {
        /// <summary>
        /// Random shifts like Keras' ImageDataGenerator(width_shift_range, height_shift_range) (NotebookDL extension).
        /// A range below 1 is a fraction of the image width/height, from 1 on a number of pixels; each image moves by
        /// a shift drawn uniformly from [-range, range] and rounded to whole pixels (as torchvision's RandomAffine
        /// translate does), right/down for positive values. Uncovered pixels get <paramref name="fill"/> (Keras'
        /// fill_mode "constant"). For fractions of both sides you can also write RandomAffine(0, translate: (a, b)).
        /// </summary>
        /// <param name="width_shift_range">Largest horizontal shift: fraction of the width (&lt; 1) or pixels (≥ 1).</param>
        /// <param name="height_shift_range">Largest vertical shift: fraction of the height (&lt; 1) or pixels (≥ 1).</param>
        /// <param name="fill">Value of uncovered pixels.</param>
        /// <param name="generator">Source of randomness; torch's default generator (torch.manual_seed) if null.</param>
        public static ITransform RandomTranslation(double width_shift_range, double height_shift_range, double fill = 0, torch.Generator? generator = null)
        {
            if (!(width_shift_range >= 0) || !(height_shift_range >= 0) || double.IsInfinity(width_shift_range) || double.IsInfinity(height_shift_range))
                throw new ArgumentOutOfRangeException(nameof(width_shift_range),
                    $"RandomTranslation: shift ranges must be finite and >= 0, got width_shift_range {width_shift_range}, height_shift_range {height_shift_range}.");
            return new TranslationTransform(width_shift_range, height_shift_range, (float)fill, generator);
        }
    }
}
