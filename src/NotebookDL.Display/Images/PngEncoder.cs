using System.Buffers.Binary;
using System.IO.Compression;

namespace NotebookDL.Display;

/// <summary>
/// A minimal PNG writer (8-bit greyscale, RGB or RGBA, no interlace) so images can be embedded in SVG
/// as data URIs without an imaging library. Rows use the Sub filter, which shrinks smooth images well.
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes <paramref name="pixels"/> (row-major, <paramref name="channels"/> bytes per pixel: 1 grey, 3 RGB, 4 RGBA).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        if (width <= 0 || height <= 0) throw new ArgumentException($"PNG: width and height must be positive, got {width}×{height}.");
        if (channels is not (1 or 3 or 4)) throw new ArgumentException($"PNG: channels must be 1, 3 or 4, got {channels}.");
        if (pixels.Length != width * height * channels) throw new ArgumentException($"PNG: expected {width * height * channels} bytes for {width}×{height}×{channels}, got {pixels.Length}.");
        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = channels switch { 1 => 0, 3 => 2, _ => 6 }; // colour type: grey, RGB, RGBA
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", Compress(pixels, width, height, channels));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    public static string DataUri(ReadOnlySpan<byte> pixels, int width, int height, int channels) =>
        "data:image/png;base64," + Convert.ToBase64String(Encode(pixels, width, height, channels));

    private static byte[] Compress(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        var stride = width * channels;
        var filtered = new byte[(stride + 1) * height];
        for (int y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * stride, stride);
            var o = y * (stride + 1);
            filtered[o] = 1; // Sub: each byte minus the same channel of the pixel to its left
            for (int i = 0; i < stride; i++) filtered[o + 1 + i] = (byte)(row[i] - (i >= channels ? row[i - channels] : 0));
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(filtered);
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeAndData = new byte[4 + data.Length];
        for (int i = 0; i < 4; i++) typeAndData[i] = (byte)type[i];
        data.CopyTo(typeAndData.AsSpan(4));
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(typeAndData));
        png.Write(word);
    }
}
