using System.Buffers.Binary;
using System.IO.Compression;

namespace NotebookDL;

/// <summary>
/// Reads MNIST-style IDX files (gzip-compressed or raw): a big-endian header — magic 0x00000803 with count,
/// rows, cols for images, 0x00000801 with count for labels — followed by exactly that many bytes.
/// </summary>
internal static class IdxReader
{
    private const int ImageMagic = 0x00000803, LabelMagic = 0x00000801;

    public static (byte[] pixels, int count, int rows, int cols) ReadImages(DataSource source, string path)
    {
        return Read(source, path, stream =>
        {
            Span<byte> header = stackalloc byte[16];
            ReadAll(stream, header, source, path, "the 16-byte header");
            var magic = BinaryPrimitives.ReadInt32BigEndian(header);
            if (magic != ImageMagic)
                throw DataResolver.Invalid(source, path, $"the magic number is 0x{magic:X8}, expected 0x{ImageMagic:X8} (an IDX file of images)");
            int count = BinaryPrimitives.ReadInt32BigEndian(header[4..]), rows = BinaryPrimitives.ReadInt32BigEndian(header[8..]), cols = BinaryPrimitives.ReadInt32BigEndian(header[12..]);
            if (count < 0 || rows <= 0 || cols <= 0 || rows > 4096 || cols > 4096 || (long)count * rows * cols > Array.MaxLength)
                throw DataResolver.Invalid(source, path, $"the header says {count} images of {rows}×{cols} pixels, which is not a plausible size");
            var pixels = new byte[(long)count * rows * cols];
            ReadAll(stream, pixels, source, path, $"{count:N0} images of {rows}×{cols} pixels ({pixels.LongLength:N0} bytes after the header)");
            return (pixels, count, rows, cols);
        });
    }

    public static byte[] ReadLabels(DataSource source, string path)
    {
        return Read(source, path, stream =>
        {
            Span<byte> header = stackalloc byte[8];
            ReadAll(stream, header, source, path, "the 8-byte header");
            var magic = BinaryPrimitives.ReadInt32BigEndian(header);
            if (magic != LabelMagic)
                throw DataResolver.Invalid(source, path, $"the magic number is 0x{magic:X8}, expected 0x{LabelMagic:X8} (an IDX file of labels)");
            var count = BinaryPrimitives.ReadInt32BigEndian(header[4..]);
            if (count < 0) throw DataResolver.Invalid(source, path, $"the header says {count} labels");
            var labels = new byte[count];
            ReadAll(stream, labels, source, path, $"{count:N0} labels");
            return labels;
        });
    }

    private static T Read<T>(DataSource source, string path, Func<Stream, T> parse)
    {
        using var file = File.OpenRead(path);
        var gzipped = file.Length >= 2 && file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        using var stream = gzipped ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        try
        {
            var result = parse(stream);
            if (stream.ReadByte() != -1)
                throw DataResolver.Invalid(source, path, "there is more data after the images/labels the header announces");
            return result;
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(source.Title, StringComparison.Ordinal))
        {
            throw DataResolver.Invalid(source, path, $"the gzip data is corrupt ({e.Message})");
        }
    }

    private static void ReadAll(Stream stream, Span<byte> buffer, DataSource source, string path, string what)
    {
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
            throw DataResolver.Invalid(source, path, $"it is truncated: it should hold {what}, but the data ends after {read:N0} of {buffer.Length:N0} bytes");
    }
}
