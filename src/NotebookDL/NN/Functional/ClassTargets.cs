namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Class-index targets checked against [N, C, d1, …] scores and flattened to one entry per sample.
            /// Ignored samples point at class 0 (any valid index) and carry weight 0, so they drop out of sums and means.
            /// </summary>
            private sealed record ClassTargets(Tensor Scores, Tensor Index, Tensor Keep, Tensor SampleWeight, long[] TargetShape);

            /// <summary>Scores [N, C, d…] (logits' log_softmax, or log-probabilities) with int64 targets [N, d…] → scores [M, C] and per-sample index, keep mask and weight.</summary>
            private static ClassTargets PrepareClassTargets(Tensor input, Tensor target, Tensor? weight, long ignore_index, string op)
            {
                var classes = input.Shape[1];
                var expected = input.Shape.Where((_, d) => d != 1).ToArray();
                if (target.dtype != ScalarType.Int64)
                {
                    var asIndices = Shapes.SameShape(target.Shape, expected);
                    throw new ArgumentException(asIndices
                        ? $"{op}: class-index targets must be int64, got {TypeName(target.dtype)} with shape {Shapes.Format(target.Shape)}; convert them with target.to(torch.int64)."
                        : $"{op}: for input {Shapes.Format(input.Shape)} the target must be class indices {Shapes.Format(expected)} (int64)" +
                          (op == "cross_entropy" ? $" or class probabilities {Shapes.Format(input.Shape)} (float32)" : "") +
                          $", but got {TypeName(target.dtype)} with shape {Shapes.Format(target.Shape)}.");
                }
                if (!Shapes.SameShape(target.Shape, expected))
                {
                    var hint = target.Shape.Length == expected.Length + 1 && target.Shape[^1] == 1 ? " Drop the trailing 1 with target.squeeze(-1)." : "";
                    throw new ArgumentException(
                        $"{op}: input {Shapes.Format(input.Shape)} (classes in dim 1) needs class-index targets of shape {Shapes.Format(expected)}, " +
                        $"but got {Shapes.Format(target.Shape)}.{hint}");
                }
                if (weight is not null && (weight.Shape.Length != 1 || weight.Shape[0] != classes))
                    throw new ArgumentException($"{op}: weight must have one entry per class, shape [{classes}], but got {Shapes.Format(weight.Shape)}.");

                var labels = target.contiguous().LongSpan();
                var index = new long[labels.Length];
                var keep = new float[labels.Length];
                for (int i = 0; i < labels.Length; i++)
                {
                    var label = labels[i];
                    if (label == ignore_index) continue;
                    if (label < 0 || label >= classes)
                        throw new ArgumentException(
                            $"{op}: target {label} at position {i} is out of range for {classes} classes (valid class indices are 0..{classes - 1}).");
                    index[i] = label;
                    keep[i] = 1;
                }
                var indexTensor = new Tensor(index, [index.Length]);
                var keepTensor = new Tensor(keep, [keep.Length]);
                var sampleWeight = weight is null ? keepTensor : weight.index_select(0, indexTensor) * keepTensor;
                return new ClassTargets(ClassesLast(input), indexTensor, keepTensor, sampleWeight, expected);
            }

            /// <summary>[N, C, d1, …] → [N·d1·…, C], so each row holds one sample's scores.</summary>
            private static Tensor ClassesLast(Tensor input)
            {
                var classes = input.Shape[1];
                if (input.Shape.Length == 2) return input;
                var order = new long[input.Shape.Length];
                order[0] = 0;
                for (int d = 2; d < input.Shape.Length; d++) order[d - 1] = d;
                order[^1] = 1;
                return input.permute(order).reshape(-1, classes);
            }

            /// <summary>−w[t]·logp[t] per sample; the mean divides by the total weight of the kept samples, as PyTorch does.</summary>
            private static Tensor NegativeLogLikelihood(ClassTargets t, Reduction reduction)
            {
                var picked = t.Scores.gather(1, t.Index.unsqueeze(1)).squeeze(1);
                var losses = -picked * t.SampleWeight;
                return reduction switch
                {
                    Reduction.None => losses.reshape(t.TargetShape),
                    Reduction.Sum => losses.sum(),
                    _ => losses.sum() / t.SampleWeight.sum(),
                };
            }

            private static void CheckScores(Tensor input, string op)
            {
                if (!input.IsFloat)
                    throw new ArgumentException($"{op}: input scores must be floating point, got {TypeName(input.dtype)} with shape {Shapes.Format(input.Shape)}.");
                if (input.Shape.Length == 0)
                    throw new ArgumentException($"{op}: input must be [N, C], [N, C, d1, …] or unbatched [C], got a 0-d tensor.");
            }
        }
    }
}
