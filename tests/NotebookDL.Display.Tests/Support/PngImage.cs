using System.Buffers.Binary;
using System.IO.Compression;

namespace NotebookDL.Display.Tests;

/// <summary>
/// Decodes the PNGs Chromium writes and our encoder produces (8-bit, non-interlaced grey/RGB/RGBA, all
/// five filters) into RGBA, so tests can check sizes and pixel statistics without an imaging library.
/// </summary>
internal sealed record PngImage(int Width, int Height, byte[] Rgba)
{
    public static PngImage Decode(byte[] png)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!png.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("not a PNG file");
        int width = 0, height = 0, bitDepth = 0, colorType = 0, pos = 8;
        using var idat = new MemoryStream();
        while (pos < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                (bitDepth, colorType) = (data[8], data[9]);
                if (data[12] != 0) throw new NotSupportedException("interlaced PNG");
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            pos += 12 + length;
        }
        if (bitDepth != 8) throw new NotSupportedException($"PNG bit depth {bitDepth}");
        var channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {colorType}") };
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * channels;
        var pixels = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            for (int i = 0; i < stride; i++)
            {
                var x = bytes[y * (stride + 1) + 1 + i];
                int a = i >= channels ? pixels[y * stride + i - channels] : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + i] : 0;
                int c = i >= channels && y > 0 ? pixels[(y - 1) * stride + i - channels] : 0;
                pixels[y * stride + i] = (byte)(x + filter switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, 4 => Paeth(a, b, c), _ => throw new InvalidDataException($"filter {filter}") });
            }
        }
        var rgba = new byte[width * height * 4];
        for (int p = 0; p < width * height; p++)
        {
            var s = pixels.AsSpan(p * channels, channels);
            (rgba[4 * p], rgba[4 * p + 1], rgba[4 * p + 2], rgba[4 * p + 3]) = channels switch
            {
                1 => (s[0], s[0], s[0], (byte)255),
                2 => (s[0], s[0], s[0], s[1]),
                3 => (s[0], s[1], s[2], (byte)255),
                _ => (s[0], s[1], s[2], s[3]),
            };
        }
        return new PngImage(width, height, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Variance of luminance over all pixels: near zero for a blank (single-colour) screenshot.</summary>
    public double LuminanceVariance()
    {
        double sum = 0, sumSq = 0;
        var n = Width * Height;
        for (int p = 0; p < n; p++)
        {
            var l = 0.2126 * Rgba[4 * p] + 0.7152 * Rgba[4 * p + 1] + 0.0722 * Rgba[4 * p + 2];
            sum += l;
            sumSq += l * l;
        }
        var mean = sum / n;
        return sumSq / n - mean * mean;
    }

    /// <summary>Fraction of pixels that are fully opaque.</summary>
    public double OpaqueFraction() => Enumerable.Range(0, Width * Height).Count(p => Rgba[4 * p + 3] == 255) / (double)(Width * Height);

    /// <summary>Fraction of opaque pixels darker than luminance 70 of 255: text (#1F2328), not our series colours or grid lines.</summary>
    public double DarkFraction() =>
        Enumerable.Range(0, Width * Height).Count(p => Rgba[4 * p + 3] > 200 && 0.2126 * Rgba[4 * p] + 0.7152 * Rgba[4 * p + 1] + 0.0722 * Rgba[4 * p + 2] < 70)
        / (double)(Width * Height);

    /// <summary>Fraction of pixels that differ from the top-left pixel (the page background).</summary>
    public double InkFraction()
    {
        var n = Width * Height;
        var ink = 0;
        for (int p = 0; p < n; p++)
            if (Math.Abs(Rgba[4 * p] - Rgba[0]) + Math.Abs(Rgba[4 * p + 1] - Rgba[1]) + Math.Abs(Rgba[4 * p + 2] - Rgba[2]) > 24) ink++;
        return ink / (double)n;
    }
}
