using NotebookDL.Modules;

namespace NotebookDL;

public static partial class torch
{
    /// <summary>TorchSharp-style factories for the image layers: convolution and pooling.</summary>
    public static partial class nn
    {
        /// <summary>A square-kernel convolution with the same stride, padding and dilation in both dims.</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1,
            PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, (kernel_size, kernel_size), (stride, stride), (padding, padding), null, (dilation, dilation), groups, bias, padding_mode, device, dtype);

        /// <summary>A convolution with separate (height, width) kernel, stride, padding and dilation.</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
            (long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, kernel_size, stride ?? (1, 1), padding ?? (0, 0), null, dilation ?? (1, 1), groups, bias, padding_mode, device, dtype);

        /// <summary>A square-kernel convolution padded by intent: Padding.Same keeps H and W, Padding.Valid pads nothing.</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, Padding padding, long stride = 1, long dilation = 1,
            PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, (kernel_size, kernel_size), (stride, stride), null, padding, (dilation, dilation), groups, bias, padding_mode, device, dtype);

        public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernel_size, Padding padding, (long, long)? stride = null,
            (long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, kernel_size, stride ?? (1, 1), null, padding, dilation ?? (1, 1), groups, bias, padding_mode, device, dtype);

        public static MaxPool2d MaxPool2d(long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false) =>
            new([kernel_size], stride is { } s ? [s] : null, padding is { } p ? [p] : null, dilation is { } d ? [d] : null, ceil_mode);

        public static MaxPool2d MaxPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? dilation = null, bool ceil_mode = false) =>
            new(SizePair(kernel_size), SizePair(stride), SizePair(padding), SizePair(dilation), ceil_mode);

        public static MaxPool2d MaxPool2d(long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? dilation = null, bool ceil_mode = false) =>
            new(kernel_size, stride, padding, dilation, ceil_mode);

        public static AvgPool2d AvgPool2d(long kernel_size, long? stride = null, long? padding = null, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
            new([kernel_size], stride is { } s ? [s] : null, padding is { } p ? [p] : null, ceil_mode, count_include_pad, divisor_override);

        public static AvgPool2d AvgPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, bool ceil_mode = false,
            bool count_include_pad = true, long? divisor_override = null) =>
            new(SizePair(kernel_size), SizePair(stride), SizePair(padding), ceil_mode, count_include_pad, divisor_override);

        public static AvgPool2d AvgPool2d(long[] kernel_size, long[]? stride = null, long[]? padding = null, bool ceil_mode = false, bool count_include_pad = true,
            long? divisor_override = null) => new(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);

        public static AdaptiveAvgPool2d AdaptiveAvgPool2d(long output_size) => new([output_size]);

        public static AdaptiveAvgPool2d AdaptiveAvgPool2d((long, long) output_size) => new(SizePair(output_size));

        public static AdaptiveAvgPool2d AdaptiveAvgPool2d(long[] output_size) => new(output_size);

        private static long[] SizePair((long, long) value) => [value.Item1, value.Item2];

        private static long[]? SizePair((long, long)? value) => value is { } v ? SizePair(v) : null;
    }
}
