using NotebookDL.Ops;

namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Max over kernel_size windows of input [N, C, H, W] (or [C, H, W]); strides default to kernel_size and
            /// padding ([p] or [pH, pW], at most half the kernel) reads as −∞.
            /// </summary>
            public static Tensor max_pool2d(Tensor input, long[] kernel_size, long[]? strides = null, long[]? padding = null) =>
                MaxPool2dFunction.Apply(input, Pool2dPlan.Sliding(input, kernel_size, strides, padding, countIncludePad: true, "max_pool2d"));

            /// <summary>Square-window max pooling: stride defaults to kernel_size, padding to 0.</summary>
            public static Tensor max_pool2d(Tensor input, long kernel_size, long? stride = null, long? padding = null) =>
                max_pool2d(input, [kernel_size], stride is { } s ? [s] : null, padding is { } p ? [p] : null);

            /// <summary>
            /// Mean over kernel_size windows; strides default to kernel_size. Zero padding is counted in the divisor
            /// when count_include_pad (PyTorch's default), otherwise only the real pixels are.
            /// </summary>
            public static Tensor avg_pool2d(Tensor input, long[] kernel_size, long[]? strides = null, long[]? padding = null, bool count_include_pad = true) =>
                AvgPool2dFunction.Apply(input, Pool2dPlan.Sliding(input, kernel_size, strides, padding, count_include_pad, "avg_pool2d"), "AvgPool2DBackward0");

            /// <summary>
            /// Mean pooling to a fixed output_size ([s] or [sH, sW]) whatever the input size: output i averages
            /// input rows ⌊i·H/sH⌋ up to ⌈(i+1)·H/sH⌉, likewise for columns.
            /// </summary>
            public static Tensor adaptive_avg_pool2d(Tensor input, long[] output_size) =>
                AvgPool2dFunction.Apply(input, Pool2dPlan.Adaptive(input, output_size, "adaptive_avg_pool2d"), "AdaptiveAvgPool2DBackward0");
        }
    }
}
