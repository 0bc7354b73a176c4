using NotebookDL.Ops;

namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// 2-D cross-correlation of input [N, C, H, W] (or unbatched [C, H, W]) with weight [O, C, kH, kW], plus bias [O].
            /// strides and dilation are [v] or [vH, vW]; padding is [p], [pH, pW] or [top, bottom, left, right] zeros.
            /// </summary>
            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null, long[]? dilation = null)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(weight);
                var (sh, sw) = Window2d.Pair(strides, 1, "stride", "conv2d", 1);
                var (dh, dw) = Window2d.Pair(dilation, 1, "dilation", "conv2d", 1);
                var (top, bottom, left, right) = Window2d.Padding(padding, "conv2d");
                return Conv2dFunction.Apply(input, weight, bias, new Conv2dOptions(sh, sw, top, bottom, left, right, dh, dw));
            }

            /// <summary>
            /// Stride-1 convolution whose output keeps the input's height and width (PyTorch's padding='same', Keras' 'same').
            /// Each dim is padded by dilation·(k − 1) in total, the smaller half at the top/left, so an even kernel pads
            /// one more row/column at the bottom/right.
            /// </summary>
            public static Tensor conv2d_same(Tensor input, Tensor weight, Tensor? bias = null, long[]? dilation = null)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(weight);
                if (weight.Shape.Length != 4)
                    throw new ArgumentException($"conv2d: expected a 4-D weight [out_channels, in_channels, kH, kW] but got weight {Shapes.Format(weight.Shape)}.");
                var (dh, dw) = Window2d.Pair(dilation, 1, "dilation", "conv2d", 1);
                if (weight.Shape[2] < 1 || weight.Shape[3] < 1)
                    throw new ArgumentException($"conv2d: kernel size must be positive but got weight {Shapes.Format(weight.Shape)}.");
                var totalH = checked((int)(dh * (weight.Shape[2] - 1)));
                var totalW = checked((int)(dw * (weight.Shape[3] - 1)));
                var options = new Conv2dOptions(1, 1, totalH / 2, totalH - totalH / 2, totalW / 2, totalW - totalW / 2, dh, dw);
                return Conv2dFunction.Apply(input, weight, bias, options);
            }
        }
    }
}
