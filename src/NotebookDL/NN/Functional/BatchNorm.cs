namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Normalizes each channel (dim 1) of [N, C, *] to zero mean and unit variance, then scales by weight and
            /// shifts by bias. Training uses the batch's statistics (biased variance) and folds them into the running
            /// statistics with <paramref name="momentum"/> (unbiased variance, as PyTorch); evaluation uses the running ones.
            /// </summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null,
                bool training = false, double momentum = 0.1, double eps = 1e-5)
            {
                if (input.Shape.Length < 2)
                    throw new ArgumentException($"batch_norm: expected input [N, C, *] with at least 2 dimensions, got {Shapes.Format(input.Shape)}.");
                var channels = input.Shape[1];
                foreach (var (t, what) in new[] { (running_mean, "running_mean"), (running_var, "running_var"), (weight, "weight"), (bias, "bias") })
                    if (t is not null && t.numel() != channels)
                        throw new ArgumentException($"batch_norm: {what} has {t.numel()} elements but the input {Shapes.Format(input.Shape)} has {channels} channels (dim 1).");

                var statShape = input.Shape.Select((s, d) => d == 1 ? s : 1).ToArray();
                var reduceDims = Enumerable.Range(0, input.Shape.Length).Where(d => d != 1).Select(d => (long)d).ToArray();
                Tensor mean, variance;
                if (training)
                {
                    var perChannel = input.numel() / Math.Max(channels, 1);
                    if (perChannel <= 1)
                        throw new ArgumentException($"Expected more than 1 value per channel when training, got input size {Shapes.Format(input.Shape)}.");
                    mean = input.mean(reduceDims, keepdim: true);
                    variance = input.var(reduceDims, unbiased: false, keepdim: true);
                    using (no_grad())
                    {
                        running_mean?.copy_(running_mean * (1 - momentum) + mean.detach().reshape(running_mean.Shape) * momentum);
                        var unbiased = variance.detach() * (perChannel / (double)(perChannel - 1));
                        running_var?.copy_(running_var * (1 - momentum) + unbiased.reshape(running_var.Shape) * momentum);
                    }
                }
                else
                {
                    if (running_mean is null || running_var is null)
                        throw new ArgumentException("batch_norm: running_mean and running_var are required when training is false.");
                    mean = running_mean.reshape(statShape);
                    variance = running_var.reshape(statShape);
                }
                var output = (input - mean) / (variance + eps).sqrt();
                if (weight is not null) output = output * weight.reshape(statShape);
                if (bias is not null) output = output + bias.reshape(statShape);
                return output;
            }
        }
    }
}
