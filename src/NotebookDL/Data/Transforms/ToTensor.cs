namespace NotebookDL;

public static partial class torchvision
{
    /// <summary>Raw 0..255 pixels in height × width × channels order become float [C, H, W] in [0, 1].</summary>
    internal sealed class ToTensorTransform : ITransform
    {
        public torch.Tensor call(torch.Tensor input)
        {
            ArgumentNullException.ThrowIfNull(input);
            if (input.dtype != ScalarType.Int64)
                throw new ArgumentException(
                    $"ToTensor: expected raw pixels 0..255 as an int64 tensor [H, W, C] (or [H, W], [N, H, W, C]), but got {torch.TypeName(input.dtype)} {Shapes.Format(input.Shape)}. " +
                    "NotebookDL's datasets already return ToTensor output (float [C, H, W] in [0, 1]); drop ToTensor() from their transform.");
            var s = input.Shape;
            var (n, h, w, c) = s.Length switch
            {
                2 => (1L, s[0], s[1], 1L),
                3 => (1L, s[0], s[1], s[2]),
                4 => (s[0], s[1], s[2], s[3]),
                _ => throw new ArgumentException($"ToTensor: expected pixels [H, W, C], [H, W] or [N, H, W, C], but got shape {Shapes.Format(s)}."),
            };
            var pixels = input.contiguous().LongSpan();
            var bytes = new byte[pixels.Length];
            for (int i = 0; i < pixels.Length; i++)
            {
                if ((ulong)pixels[i] > 255)
                    throw new ArgumentException($"ToTensor: pixel values must be 0..255, but element {i} is {pixels[i]}.");
                bytes[i] = (byte)pixels[i];
            }
            var result = Pixels.HwcToChw(bytes, (int)n, (int)h, (int)w, (int)c);
            return s.Length == 4 ? result : result.reshape(c, h, w);
        }
    }

    public static partial class transforms
    {
        /// <summary>
        /// torchvision's ToTensor: raw 0..255 pixels [H, W, C] (int64) become float [C, H, W] divided by 255.
        /// The built-in datasets already return this form, so they skip a leading ToTensor in their transform.
        /// For a byte array use <see cref="functional.to_tensor"/>.
        /// </summary>
        public static ITransform ToTensor() => new ToTensorTransform();

        public static partial class functional
        {
            /// <summary>Interleaved bytes (height × width × channels, e.g. RGBRGB...) as float [C, H, W] in [0, 1].</summary>
            public static torch.Tensor to_tensor(byte[] pixels, long height, long width, long channels = 3)
            {
                ArgumentNullException.ThrowIfNull(pixels);
                if (height <= 0 || width <= 0 || channels <= 0 || pixels.LongLength != height * width * channels)
                    throw new ArgumentException(
                        $"to_tensor: {pixels.LongLength} bytes cannot be an image of height {height} × width {width} × {channels} channels ({height * width * channels} bytes).");
                return Pixels.HwcToChw(pixels, 1, (int)height, (int)width, (int)channels).reshape(channels, height, width);
            }
        }
    }
}
