namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Extracts sliding windows (im2col): [N, C, H, W] → [N, C·k·k, L], one column per window position.
            /// A convolution is unfold followed by a matrix product with the weight viewed as [out, C·k·k].
            /// </summary>
            public static Tensor unfold(Tensor input, long kernel_size, long dilation = 1, long padding = 0, long stride = 1) =>
                Ops.UnfoldFunction.Apply(input, (kernel_size, kernel_size), (dilation, dilation), (padding, padding), (stride, stride));

            public static Tensor unfold(Tensor input, (long, long) kernel_size, (long, long)? dilation = null, (long, long)? padding = null, (long, long)? stride = null) =>
                Ops.UnfoldFunction.Apply(input, kernel_size, dilation ?? (1, 1), padding ?? (0, 0), stride ?? (1, 1));
        }
    }
}
