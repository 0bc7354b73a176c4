namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// In training, zeroes each element with probability p and scales the survivors by 1/(1−p), so the
            /// expected activation is unchanged and evaluation needs no rescaling. The mask comes from torch's
            /// default generator, so torch.manual_seed makes it reproducible. Returns the input itself when not training.
            /// </summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
            {
                if (p < 0 || p > 1 || double.IsNaN(p))
                    throw new ArgumentException($"dropout probability has to be between 0 and 1, but got {p}.");
                if (!training || p == 0) return input;
                if (!input.IsFloat)
                    throw new ArgumentException($"dropout: expected a floating point input, got {TypeName(input.dtype)} with shape {Shapes.Format(input.Shape)}.");
                // p == 1 drops everything; 1/(1−p) would be infinite and turn the zeros into NaN.
                var keep = p == 1 ? zeros_like(input) : KeepMask(input.Shape, (float)p, (float)(1.0 / (1.0 - p)));
                return inplace ? input.mul_(keep) : input * keep;
            }

            /// <summary>scale where a uniform draw is ≥ p, else 0 — the draws rand(shape) would make, in one pass.</summary>
            private static Tensor KeepMask(long[] shape, float p, float scale)
            {
                var mask = new float[Shapes.Numel(shape)];
                var generator = Generator.Default;
                for (int i = 0; i < mask.Length; i++) mask[i] = generator.NextFloat() >= p ? scale : 0f;
                return new Tensor(mask, (long[])shape.Clone());
            }
        }
    }
}
