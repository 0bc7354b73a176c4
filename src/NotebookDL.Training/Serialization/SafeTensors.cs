using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookDL;

/// <summary>
/// Reads and writes the safetensors format (8-byte little-endian header length, a JSON header of
/// name → {dtype, shape, data_offsets}, then raw little-endian data), so weights move to and from
/// PyTorch. Saves go to a temporary file that is renamed into place, so a crash mid-save never
/// destroys the previous file.
/// </summary>
public static class safetensors
{
    private const long MaxHeaderBytes = 100 << 20;

    // load_file reads the file into one byte array, so it reads back files up to the longest array .NET allows.
    private static long MaxFileBytes => Array.MaxLength;

    public static void save_file(IReadOnlyDictionary<string, torch.Tensor> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            var meta = new JsonObject();
            foreach (var (key, value) in metadata) meta[key] = value;
            header["__metadata__"] = meta;
        }
        long offset = 0;
        var ordered = tensors.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        foreach (var (name, tensor) in ordered)
        {
            // load_file reads one .NET array per tensor: a tensor it could not read back is refused before anything is written.
            EngineAdapter.CheckedElementCount(tensor.shape, $"safetensors.save_file: tensor '{name}' for '{path}'");
            var bytes = tensor.numel() * ElementSize(tensor.dtype);
            header[name] = new JsonObject
            {
                ["dtype"] = DtypeName(tensor.dtype),
                ["shape"] = new JsonArray(tensor.shape.Select(s => (JsonNode)s).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + bytes),
            };
            offset += bytes;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var padded = (json.Length + 7) / 8 * 8; // the format pads the header with spaces to 8-byte alignment
        if (8 + padded + offset > MaxFileBytes)
            throw new ArgumentException(
                $"safetensors.save_file: '{path}' would be {8 + padded + offset:N0} bytes, more than the {MaxFileBytes:N0} that load_file can read back " +
                $"(its largest tensor is '{ordered.MaxBy(t => t.Value.numel()).Key}'). Save the tensors in several files instead.");
        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
            stream.Write(length);
            stream.Write(json);
            for (int i = json.Length; i < padded; i++) stream.WriteByte((byte)' ');
            foreach (var (_, tensor) in ordered) WriteData(stream, tensor);
        });
    }

    public static Dictionary<string, torch.Tensor> load_file(string path) => load_file_with_metadata(path).tensors;

    public static (Dictionary<string, torch.Tensor> tensors, Dictionary<string, string> metadata) load_file_with_metadata(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"safetensors: no file at '{path}'.", path);
        var size = new FileInfo(path).Length;
        if (size > MaxFileBytes)
            throw new NotSupportedException($"safetensors: '{path}' is {size:N0} bytes; NotebookDL reads safetensors files up to {MaxFileBytes:N0} bytes. Split it into several files (in PyTorch, save_file per group of tensors).");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8) throw Corrupt(path, $"the file is {bytes.Length} bytes, shorter than the 8-byte header length");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeaderBytes || 8 + (long)headerLength > bytes.Length)
            throw Corrupt(path, $"the header claims {headerLength} bytes but the file has {bytes.Length - 8} after the length");
        try
        {
            var header = SafeTensorsHeader.Parse(path, bytes, (int)headerLength);
            var tensors = new Dictionary<string, torch.Tensor>();
            foreach (var entry in header.Entries) tensors[entry.Name] = ReadTensor(entry, bytes.AsSpan(entry.Begin, entry.Length));
            return (tensors, header.Metadata);
        }
        catch (Exception e) when (e is not InvalidDataException and not NotSupportedException)
        {
            // Whatever else a damaged file provokes is still reported with the file's name.
            throw Corrupt(path, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static torch.Tensor ReadTensor(SafeTensorsHeader.Entry entry, ReadOnlySpan<byte> span)
    {
        var count = (int)entry.Count;
        switch (entry.Type)
        {
            case ScalarType.Float32:
                var floats = new float[count];
                for (int i = 0; i < count; i++) floats[i] = BinaryPrimitives.ReadSingleLittleEndian(span[(i * 4)..]);
                return torch.tensor(floats, entry.Shape);
            case ScalarType.Int64:
                var longs = new long[count];
                for (int i = 0; i < count; i++) longs[i] = BinaryPrimitives.ReadInt64LittleEndian(span[(i * 8)..]);
                return torch.tensor(longs, entry.Shape);
            default:
                var flags = new bool[count];
                for (int i = 0; i < count; i++) flags[i] = span[i] != 0;
                return torch.tensor(flags, entry.Shape);
        }
    }

    private static void WriteData(Stream stream, torch.Tensor tensor)
    {
        switch (tensor.dtype)
        {
            case ScalarType.Float32:
                WriteLittleEndian(stream, EngineAdapter.ToArray<float>(tensor));
                break;
            case ScalarType.Int64:
                WriteLittleEndian(stream, EngineAdapter.ToArray<long>(tensor));
                break;
            default:
                // Bool is the only other dtype DtypeName accepts; both engines read it back as 0/1 floats.
                stream.Write(EngineAdapter.ToArray<float>(tensor.to(ScalarType.Float32)).Select(v => v != 0 ? (byte)1 : (byte)0).ToArray());
                break;
        }
    }

    private static void WriteLittleEndian<T>(Stream stream, T[] values) where T : unmanaged
    {
        // The format is little-endian; on such a machine the values' own bytes are the file's bytes.
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("safetensors: NotebookDL writes safetensors on little-endian machines only.");
        stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static string DtypeName(ScalarType type) => type switch
    {
        ScalarType.Float32 => "F32",
        ScalarType.Int64 => "I64",
        ScalarType.Bool => "BOOL",
        _ => throw Unsupported(type),
    };

    internal static long ElementSize(ScalarType type) => type switch
    {
        ScalarType.Float32 => 4,
        ScalarType.Int64 => 8,
        ScalarType.Bool => 1,
        _ => throw Unsupported(type),
    };

    // The managed engine has only these three dtypes; a TorchSharp model may hold others (float64, float16).
    private static NotSupportedException Unsupported(ScalarType type) =>
        new($"safetensors: NotebookDL saves float32, int64 and bool tensors, not {type}; convert the model first (for example model.to(torch.float32)).");

    internal static InvalidDataException Corrupt(string path, string why) =>
        new($"safetensors: '{path}' is not a valid safetensors file: {why}. It may be truncated or corrupt; re-save it or restore a backup.");
}
