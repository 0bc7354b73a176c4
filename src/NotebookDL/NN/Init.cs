namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// In-place weight initializers (torch.nn.init). They draw from torch's default generator unless given one,
        /// so torch.manual_seed makes a model's starting weights reproducible, and they run under no_grad so
        /// they work on parameters that require grad.
        /// </summary>
        public static class init
        {
            public enum NonlinearityType
            {
                Linear = 0,
                Conv1D = 1,
                Conv2D = 2,
                Conv3D = 3,
                ConvTranspose1D = 4,
                ConvTranspose2D = 5,
                ConvTranspose3D = 6,
                Sigmoid = 7,
                Tanh = 8,
                ReLU = 9,
                LeakyReLU = 10,
            }

            public enum FanInOut
            {
                FanIn = 0,
                FanOut = 1,
            }

            /// <summary>
            /// The factor by which a nonlinearity shrinks the variance of its input, which Xavier and Kaiming
            /// initialization undo: 1 for linear layers and sigmoid, 5/3 for tanh, √2 for ReLU, √(2/(1+slope²)) for leaky ReLU.
            /// </summary>
            public static double calculate_gain(NonlinearityType nonlinearity, double param = 0.0) => nonlinearity switch
            {
                NonlinearityType.Tanh => 5.0 / 3,
                NonlinearityType.ReLU => Math.Sqrt(2.0),
                NonlinearityType.LeakyReLU => Math.Sqrt(2.0 / (1 + param * param)),
                _ => 1.0,
            };

            /// <summary>
            /// (fan_in, fan_out) of a weight: for Linear [out, in] that is (in, out); for Conv [out, in, kh, kw] each
            /// is multiplied by the kernel area, the number of inputs one output actually sees.
            /// </summary>
            public static (long fanIn, long fanOut) CalculateFanInAndFanOut(Tensor tensor)
            {
                if (tensor.Shape.Length < 2)
                    throw new ArgumentException(
                        $"Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (got shape {Shapes.Format(tensor.Shape)}).");
                long receptive = 1;
                for (int d = 2; d < tensor.Shape.Length; d++) receptive *= tensor.Shape[d];
                return (tensor.Shape[1] * receptive, tensor.Shape[0] * receptive);
            }

            public static Tensor uniform_(Tensor tensor, double low = 0, double high = 1, Generator? generator = null)
            {
                if (high < low) throw new ArgumentException($"init.uniform_: expected low <= high, but got low={low} and high={high}.");
                return Fill(tensor, "uniform_", () => rand(tensor.Shape, generator: generator) * (high - low) + low);
            }

            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
            {
                if (std < 0) throw new ArgumentException($"init.normal_: std must be non-negative, got {std}.");
                return Fill(tensor, "normal_", () => randn(tensor.Shape, generator: generator) * std + mean);
            }

            public static Tensor constant_(Tensor tensor, double val) => Fill(tensor, "constant_", () => full(tensor.Shape, val));

            public static Tensor zeros_(Tensor tensor) => constant_(tensor, 0);

            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

            /// <summary>Glorot: U(−a, a) with a = gain·√(6 / (fan_in + fan_out)), keeping activation variance stable both ways.</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1.0, Generator? generator = null)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                var bound = Math.Sqrt(3.0) * gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                return uniform_(tensor, -bound, bound, generator);
            }

            public static Tensor xavier_normal_(Tensor tensor, double gain = 1.0, Generator? generator = null)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                return normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)), generator);
            }

            public static Tensor glorot_uniform_(Tensor tensor, double gain = 1.0) => xavier_uniform_(tensor, gain);

            public static Tensor glorot_normal_(Tensor tensor, double gain = 1.0) => xavier_normal_(tensor, gain);

            /// <summary>
            /// He: U(−b, b) with b = gain·√(3 / fan). With a = √5 (Linear and Conv2d's default) this is U(−1/√fan_in, 1/√fan_in).
            /// </summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                NonlinearityType nonlinearity = NonlinearityType.LeakyReLU, Generator? generator = null)
            {
                if (tensor.numel() == 0) return tensor; // PyTorch only warns: there is nothing to fill
                var std = calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode, "kaiming_uniform_"));
                var bound = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -bound, bound, generator);
            }

            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                NonlinearityType nonlinearity = NonlinearityType.LeakyReLU, Generator? generator = null)
            {
                if (tensor.numel() == 0) return tensor;
                var std = calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode, "kaiming_normal_"));
                return normal_(tensor, 0, std, generator);
            }

            /// <summary>
            /// Fills a 3-, 4- or 5-D convolution weight [out, in/groups, *kernel] with the Dirac delta: output channel d of
            /// each group passes input channel d through unchanged (a 1 at the kernel's centre), for d below both channel
            /// counts; everything else is 0. A convolution so initialized starts as the identity.
            /// </summary>
            public static Tensor dirac_(Tensor tensor, long groups = 1)
            {
                ArgumentNullException.ThrowIfNull(tensor);
                var shape = tensor.Shape;
                if (shape.Length is < 3 or > 5)
                    throw new ArgumentException($"init.dirac_: expected a 3-, 4- or 5-D convolution weight [out, in, *kernel] but got {Shapes.Format(shape)}.");
                if (groups < 1 || shape[0] % groups != 0)
                    throw new ArgumentException($"init.dirac_: the {shape[0]} output channels of {Shapes.Format(shape)} do not divide into {groups} groups.");
                return Fill(tensor, "dirac_", () =>
                {
                    var values = new float[tensor.numel()];
                    var kernel = shape.AsSpan(2);
                    long kernelSize = Shapes.Numel(kernel), centre = 0;
                    foreach (var k in kernel) centre = centre * k + k / 2;
                    long outPerGroup = shape[0] / groups;
                    for (long g = 0; g < groups; g++)
                        for (long d = 0; d < Math.Min(outPerGroup, shape[1]); d++)
                            values[((g * outPerGroup + d) * shape[1] + d) * kernelSize + centre] = 1;
                    return new Tensor(values, shape);
                });
            }

            private static long Fan(Tensor tensor, FanInOut mode, string op)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                var fan = mode == FanInOut.FanIn ? fanIn : fanOut;
                if (fan <= 0)
                    throw new ArgumentException($"init.{op}: the {(mode == FanInOut.FanIn ? "fan-in" : "fan-out")} of a tensor of shape {Shapes.Format(tensor.Shape)} is 0, so the scale 1/√fan is undefined.");
                return fan;
            }

            /// <summary>Overwrites <paramref name="tensor"/>'s values in place without recording the write in the graph.</summary>
            private static Tensor Fill(Tensor tensor, string op, Func<Tensor> values)
            {
                ArgumentNullException.ThrowIfNull(tensor);
                if (!tensor.IsFloat)
                    throw new ArgumentException($"init.{op}: expected a floating point tensor, got {TypeName(tensor.dtype)}.");
                using (no_grad()) tensor.copy_(values());
                return tensor;
            }
        }
    }
}
