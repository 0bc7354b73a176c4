namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Cross entropy between raw scores (logits) [N, C, d…] and either int64 class indices [N, d…] or class
            /// probabilities shaped like the input. Computed through log_softmax, so huge logits cannot overflow.
            /// label_smoothing mixes the target with the uniform distribution, as in PyTorch.
            /// </summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                Reduction reduction = Reduction.Mean, double label_smoothing = 0.0)
            {
                CheckScores(input, "cross_entropy");
                if (!(label_smoothing >= 0 && label_smoothing <= 1))
                    throw new ArgumentException($"cross_entropy: label_smoothing must be between 0.0 and 1.0, got {label_smoothing}.");
                if (input.Shape.Length == 1)
                {
                    // Unbatched [C]: treat it as a batch of one.
                    var batched = cross_entropy(input.unsqueeze(0), target.unsqueeze(0), weight, ignore_index, reduction, label_smoothing);
                    return reduction == Reduction.None ? batched.squeeze(0) : batched;
                }
                var classes = input.Shape[1];
                var logp = log_softmax(input, 1);
                if (target.IsFloat && Shapes.SameShape(target.Shape, input.Shape))
                    return SoftTargetCrossEntropy(logp, target, weight, ignore_index, reduction, label_smoothing);

                var t = PrepareClassTargets(logp, target, weight, ignore_index, "cross_entropy");
                var nll = NegativeLogLikelihood(t, reduction);
                if (label_smoothing == 0) return nll;

                // The smoothing term: −Σ_c w_c·logp_c / C per kept sample, normalized like the NLL part.
                var weighted = weight is null ? t.Scores : t.Scores * weight;
                var smooth = -weighted.sum(1) * t.Keep;
                var smoothReduced = reduction switch
                {
                    Reduction.None => smooth.reshape(t.TargetShape),
                    Reduction.Sum => smooth.sum(),
                    _ => smooth.sum() / t.SampleWeight.sum(),
                };
                return nll * (1 - label_smoothing) + smoothReduced * (label_smoothing / classes);
            }

            /// <summary>−Σ_c p_c·logq_c per sample; the mean is over samples (not weights), matching PyTorch.</summary>
            private static Tensor SoftTargetCrossEntropy(Tensor logp, Tensor target, Tensor? weight, long ignore_index, Reduction reduction, double label_smoothing)
            {
                if (ignore_index >= 0)
                    throw new ArgumentException("cross_entropy: ignore_index is only supported for class-index targets, not class probabilities.");
                var classes = logp.Shape[1];
                if (weight is not null && (weight.Shape.Length != 1 || weight.Shape[0] != classes))
                    throw new ArgumentException($"cross_entropy: weight must have one entry per class, shape [{classes}], but got {Shapes.Format(weight.Shape)}.");
                var p = label_smoothing > 0 ? target * (1 - label_smoothing) + label_smoothing / classes : target;
                var terms = logp * p;
                if (weight is not null) terms = terms * weight.reshape(logp.Shape.Select((s, d) => d == 1 ? s : 1).ToArray());
                var losses = -terms.sum(1);
                return reduction switch
                {
                    Reduction.None => losses,
                    Reduction.Sum => losses.sum(),
                    _ => losses.sum() / (double)(logp.numel() / classes),
                };
            }

            /// <summary>
            /// Negative log likelihood of log-probabilities [N, C, d…] (e.g. a LogSoftmax output) at int64 class indices [N, d…].
            /// </summary>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignore_index = -100)
            {
                CheckScores(input, "nll_loss");
                if (input.Shape.Length == 1)
                {
                    var batched = nll_loss(input.unsqueeze(0), target.unsqueeze(0), weight, reduction, ignore_index);
                    return reduction == Reduction.None ? batched.squeeze(0) : batched;
                }
                return NegativeLogLikelihood(PrepareClassTargets(input, target, weight, ignore_index, "nll_loss"), reduction);
            }
        }
    }
}
