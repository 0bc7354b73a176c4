namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// −[y·log x + (1−y)·log(1−x)] for probabilities x in [0, 1]. Each log is clamped at −100 as in PyTorch,
            /// so x = 0 or 1 gives a large finite loss instead of infinity.
            /// </summary>
            public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean)
            {
                CheckSameShapeFloat(input, target, "binary_cross_entropy");
                CheckProbabilities(input);
                var loss = -(target * ClampedLog(input) + (1.0 - target) * ClampedLog(1.0 - input));
                if (weight is not null) loss = loss * weight;
                return Reduce(loss, reduction);
            }

            /// <summary>
            /// Binary cross entropy on raw scores (logits), in the stable form (1−y)·x + w·(log(1 + e^−|x|) + max(−x, 0))
            /// with w = 1 + (pos_weight − 1)·y: no exp can overflow, so |x| = 100 is as safe as |x| = 1.
            /// </summary>
            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean,
                Tensor? pos_weights = null)
            {
                CheckSameShapeFloat(input, target, "binary_cross_entropy_with_logits");
                var softplusOfNegative = (1.0 + (-input.abs()).exp()).log() + (-input).clamp_min(0);
                var logWeight = pos_weights is null ? null : (pos_weights - 1.0) * target + 1.0;
                var loss = (1.0 - target) * input + (logWeight is null ? softplusOfNegative : logWeight * softplusOfNegative);
                if (weight is not null) loss = loss * weight;
                return Reduce(loss, reduction);
            }

            /// <summary>max(log x, −100), with x ≤ 0 routed around the log so its backward never computes 0/0.</summary>
            private static Tensor ClampedLog(Tensor x)
            {
                var positive = x > 0.0;
                return where(positive, where(positive, x, 1.0).log(), -100.0).clamp_min(-100);
            }

            private static void CheckProbabilities(Tensor input)
            {
                var values = input.detach().contiguous().FloatSpan();
                for (int i = 0; i < values.Length; i++)
                {
                    if (values[i] is >= 0 and <= 1) continue;
                    throw new ArgumentException(
                        $"binary_cross_entropy: all elements of input should be probabilities between 0 and 1, but element {i} is {values[i]}. " +
                        "Apply torch.sigmoid to the scores first, or use BCEWithLogitsLoss on the raw scores (more stable).");
                }
            }
        }
    }
}
