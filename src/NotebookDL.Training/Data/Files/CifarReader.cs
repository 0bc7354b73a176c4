namespace NotebookDL;

/// <summary>
/// Reads CIFAR-10 binary batches: records of 1 label byte (0..9) then 3,072 pixel bytes — the 32×32 red plane,
/// then green, then blue — which is already the [C, H, W] order tensors use.
/// </summary>
internal static class CifarReader
{
    public const int ImageBytes = 3 * 32 * 32, RecordBytes = ImageBytes + 1;

    /// <summary>The records of the files in order, at most <paramref name="maxRecords"/> of them.</summary>
    public static (byte[] pixels, byte[] labels) Read(DataSource source, string[] paths, int maxRecords = int.MaxValue)
    {
        long total = 0;
        foreach (var path in paths)
        {
            var length = new FileInfo(path).Length;
            if (length == 0 || length % RecordBytes != 0)
                throw DataResolver.Invalid(source, path,
                    $"it has {length:N0} bytes, which is not a whole number of {RecordBytes:N0}-byte records (1 label byte + 3,072 pixel bytes); the file is truncated or not a CIFAR-10 binary batch");
            total += length / RecordBytes;
        }
        var count = (int)Math.Min(total, maxRecords);
        var pixels = new byte[(long)count * ImageBytes];
        var labels = new byte[count];
        var at = 0;
        var chunk = new byte[RecordBytes * 1000];
        foreach (var path in paths)
        {
            using var file = File.OpenRead(path);
            var left = file.Length / RecordBytes;
            while (at < count && left > 0)
            {
                var records = (int)Math.Min(Math.Min(1000, left), count - at);
                file.ReadExactly(chunk, 0, records * RecordBytes);
                var first = file.Length / RecordBytes - left;
                left -= records;
                for (int r = 0; r < records; r++, at++)
                {
                    var record = chunk.AsSpan(r * RecordBytes, RecordBytes);
                    if (record[0] > 9)
                        throw DataResolver.Invalid(source, path, $"record {first + r} has label {record[0]}, but CIFAR-10 labels are 0..9");
                    labels[at] = record[0];
                    record[1..].CopyTo(pixels.AsSpan(at * ImageBytes, ImageBytes));
                }
            }
        }
        return (pixels, labels);
    }
}
