namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Pads the last dims: <paramref name="pad"/> holds (before, after) pairs starting from the last dim, e.g.
            /// [left, right, top, bottom] for the width and height of an image. Constant (or Zeros) fills with
            /// <paramref name="value"/> and also crops where a pad is negative; Reflect mirrors without repeating the
            /// edge (pad below the size); Replicate repeats the edge; Circular wraps around (pad at most the size).
            /// Built from narrow, flip and cat, so gradients flow back to the input.
            /// </summary>
            public static Tensor pad(Tensor input, long[] pad, PaddingModes mode = PaddingModes.Constant, double value = 0)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(pad);
                if (pad.Length % 2 != 0 || pad.Length / 2 > input.Shape.Length)
                    throw new ArgumentException(
                        $"pad: expected (before, after) pairs for at most {input.Shape.Length} dims of input {Shapes.Format(input.Shape)}, got [{string.Join(", ", pad)}].");
                var result = input;
                for (int pair = 0; pair < pad.Length / 2; pair++)
                    result = PadDim(result, input.Shape.Length - 1 - pair, pad[2 * pair], pad[2 * pair + 1], mode, value, input.Shape);
                return result;
            }

            public static Tensor pad(Tensor input, (long left, long right) pad, PaddingModes mode = PaddingModes.Constant, double value = 0) =>
                functional.pad(input, [pad.left, pad.right], mode, value);

            public static Tensor pad(Tensor input, (long left, long right, long top, long bottom) pad, PaddingModes mode = PaddingModes.Constant, double value = 0) =>
                functional.pad(input, [pad.left, pad.right, pad.top, pad.bottom], mode, value);

            /// <summary>The same padding on every side of the last two dims.</summary>
            public static Tensor pad(Tensor input, long pad, PaddingModes mode = PaddingModes.Constant, double value = 0) =>
                functional.pad(input, [pad, pad, pad, pad], mode, value);

            private static Tensor PadDim(Tensor x, int dim, long before, long after, PaddingModes mode, double value, long[] originalShape)
            {
                if (before == 0 && after == 0) return x;
                var size = x.Shape[dim];
                if (mode is PaddingModes.Constant or PaddingModes.Zeros)
                {
                    var fill = mode == PaddingModes.Zeros ? 0 : value;
                    if (size + Math.Min(before, 0) + Math.Min(after, 0) < 0)
                        throw new ArgumentException($"pad: cropping {-Math.Min(before, 0)} and {-Math.Min(after, 0)} from dim {dim} of size {size} (input {Shapes.Format(originalShape)}) leaves nothing.");
                    x = x.narrow(dim, -Math.Min(before, 0), size + Math.Min(before, 0) + Math.Min(after, 0));
                    return cat([Filled(x, dim, Math.Max(before, 0), fill), x, Filled(x, dim, Math.Max(after, 0), fill)], dim);
                }
                if (before < 0 || after < 0)
                    throw new ArgumentException($"pad: {mode} padding must be non-negative, got ({before}, {after}) for dim {dim} of input {Shapes.Format(originalShape)}.");
                var (left, right) = mode switch
                {
                    PaddingModes.Reflect when before < size && after < size =>
                        (x.narrow(dim, 1, before).flip(dim), x.narrow(dim, size - 1 - after, after).flip(dim)),
                    PaddingModes.Reflect => throw new ArgumentException(
                        $"pad: reflect padding ({before}, {after}) must be smaller than dim {dim}'s size {size} (input {Shapes.Format(originalShape)}); use Replicate or Constant for wider padding."),
                    PaddingModes.Replicate when size > 0 =>
                        (Repeated(x.narrow(dim, 0, 1), dim, before), Repeated(x.narrow(dim, size - 1, 1), dim, after)),
                    PaddingModes.Circular when before <= size && after <= size =>
                        (x.narrow(dim, size - before, before), x.narrow(dim, 0, after)),
                    _ => throw new ArgumentException(
                        $"pad: {mode} padding ({before}, {after}) does not fit dim {dim} of size {size} (input {Shapes.Format(originalShape)}); circular padding can wrap at most once."),
                };
                return cat([left, x, right], dim);
            }

            private static Tensor Filled(Tensor like, int dim, long length, double value)
            {
                var shape = (long[])like.Shape.Clone();
                shape[dim] = length;
                return full(shape, value, dtype: like.dtype);
            }

            private static Tensor Repeated(Tensor edge, int dim, long times)
            {
                var shape = (long[])edge.Shape.Clone();
                shape[dim] = times;
                return edge.expand(shape);
            }
        }
    }
}
