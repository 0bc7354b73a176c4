using System.Numerics.Tensors;

namespace NotebookDL;

/// <summary>Byte pixels to float tensors with torchvision's ToTensor scaling (value / 255).</summary>
internal static class Pixels
{
    /// <summary>Planar bytes (already C, H, W order) to floats in [0, 1]; bit-identical to float(b) / 255.</summary>
    public static void Scale(ReadOnlySpan<byte> source, Span<float> destination)
    {
        // Every byte is exactly representable as a float, so the (faster) truncating conversion is exact.
        TensorPrimitives.ConvertTruncating(source, destination);
        TensorPrimitives.Divide(destination, 255f, destination);
    }

    /// <summary>Interleaved N×H×W×C bytes to a float [N, C, H, W] tensor in [0, 1].</summary>
    public static Tensor HwcToChw(byte[] pixels, int n, int h, int w, int c)
    {
        var data = new float[pixels.Length];
        var plane = h * w;
        for (int img = 0; img < n; img++)
        {
            var src = img * plane * c;
            for (int p = 0; p < plane; p++)
                for (int ch = 0; ch < c; ch++)
                    data[src + ch * plane + p] = pixels[src + p * c + ch] / 255f;
        }
        return new Tensor(data, [n, c, h, w]);
    }
}
