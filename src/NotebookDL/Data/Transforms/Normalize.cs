namespace NotebookDL;

public static partial class torchvision
{
    /// <summary>(x - mean[c]) / std[c] for every channel c.</summary>
    internal sealed class NormalizeTransform : ITransform
    {
        private readonly float[] means, stds;

        internal NormalizeTransform(double[] means, double[] stdevs)
        {
            ArgumentNullException.ThrowIfNull(means);
            ArgumentNullException.ThrowIfNull(stdevs);
            if (means.Length == 0 || means.Length != stdevs.Length)
                throw new ArgumentException(
                    $"Normalize: give one mean and one standard deviation per channel; got {means.Length} mean(s) and {stdevs.Length} std(s).");
            for (int i = 0; i < stdevs.Length; i++)
                if (!(stdevs[i] > 0) || double.IsInfinity(stdevs[i]))
                    throw new ArgumentException($"Normalize: std[{i}] = {stdevs[i]}; every standard deviation must be a positive finite number.");
            this.means = means.Select(m => (float)m).ToArray();
            stds = stdevs.Select(s => (float)s).ToArray();
        }

        public torch.Tensor call(torch.Tensor input)
        {
            var img = ImageBatch.Of(input, "Normalize");
            if (means.Length != 1 && means.Length != img.C)
                throw new ArgumentException(
                    $"Normalize: {means.Length} means/stds were given but the image has {img.C} channels (shape {Shapes.Format(input.Shape)}).");
            var (data, result) = img.NewOutput(img.H, img.W);
            for (int n = 0; n < img.N; n++)
                for (int c = 0; c < img.C; c++)
                {
                    float m = means[means.Length == 1 ? 0 : c], s = stds[means.Length == 1 ? 0 : c];
                    var src = img.Plane(n, c);
                    var dst = data.AsSpan((n * img.C + c) * img.PlaneSize, img.PlaneSize);
                    for (int i = 0; i < src.Length; i++) dst[i] = (src[i] - m) / s;
                }
            return result;
        }
    }

    public static partial class transforms
    {
        /// <summary>
        /// Standardizes each channel: (x - mean[c]) / std[c]. Compute the statistics on the training split only,
        /// e.g. with torch.utils.data.channel_mean_std(train).
        /// </summary>
        /// <param name="means">One mean per channel (or one for all).</param>
        /// <param name="stdevs">One standard deviation per channel (or one for all).</param>
        /// <param name="dtype">Accepted for TorchSharp compatibility; the output is float32.</param>
        /// <param name="device">Accepted for TorchSharp compatibility; only the CPU exists.</param>
        public static ITransform Normalize(double[] means, double[] stdevs, ScalarType dtype = ScalarType.Float32, torch.Device? device = null)
        {
            if (dtype != ScalarType.Float32)
                throw new ArgumentException($"Normalize: only float32 images exist in NotebookDL, got dtype {torch.TypeName(dtype)}.");
            if (device is not null) torch.CheckDeviceAvailable(device);
            return new NormalizeTransform(means, stdevs);
        }
    }
}
