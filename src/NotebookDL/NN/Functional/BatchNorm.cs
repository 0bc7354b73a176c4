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

                if (training && input.numel() / Math.Max(channels, 1) <= 1)
                    throw new ArgumentException($"Expected more than 1 value per channel when training, got input size {Shapes.Format(input.Shape)}.");
                if (!training && (running_mean is null || running_var is null))
                    throw new ArgumentException("batch_norm: running_mean and running_var are required when training is false.");
                if (input.dtype != ScalarType.Float32)
                    throw new ArgumentException($"batch_norm: expected a float32 input but got {input.dtype} with shape {Shapes.Format(input.Shape)}; convert it with .to(torch.float32).");
                var (output, mean, unbiased) = Ops.BatchNormFunction.Apply(input, weight, bias, training, running_mean, running_var, eps);
                if (training)
                    using (no_grad())
                    {
                        running_mean?.mul_(1 - momentum).add_(tensor(mean).reshape(running_mean.Shape) * momentum);
                        running_var?.mul_(1 - momentum).add_(tensor(unbiased).reshape(running_var.Shape) * momentum);
                    }
                return output;
            }
        }
    }
}
