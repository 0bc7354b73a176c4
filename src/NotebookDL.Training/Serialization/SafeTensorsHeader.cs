using System.Text;
using System.Text.Json.Nodes;

namespace NotebookDL;

/// <summary>
/// A safetensors header, checked completely before any data is read: valid UTF-8 JSON; string metadata; for each
/// tensor a known dtype, a shape of non-negative sizes within the engine's limit, and data offsets that match that
/// size; and the tensors' byte ranges tiling the data section exactly (sorted, contiguous from 0, no overlap, no
/// hole, nothing past the end), as the format requires. Every failure names the file and the tensor.
/// </summary>
internal sealed class SafeTensorsHeader
{
    /// <summary>One tensor's place in the file: <see cref="Begin"/> and <see cref="Length"/> are absolute byte positions.</summary>
    public sealed record Entry(string Name, ScalarType Type, long[] Shape, long Count, int Begin, int Length);

    public required List<Entry> Entries { get; init; }

    public required Dictionary<string, string> Metadata { get; init; }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SafeTensorsHeader Parse(string path, byte[] bytes, int headerLength)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, 8, headerLength);
        }
        catch (DecoderFallbackException)
        {
            throw safetensors.Corrupt(path, "the header is not valid UTF-8");
        }
        JsonObject header;
        try
        {
            // A name given twice would otherwise keep one of the two tensors silently (or fail later without the name).
            header = JsonNode.Parse(text, documentOptions: new() { AllowDuplicateProperties = false }) as JsonObject
                ?? throw safetensors.Corrupt(path, "the header is not a JSON object");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw safetensors.Corrupt(path, $"the header is not valid JSON ({e.Message})");
        }
        catch (InvalidOperationException e)
        {
            // Names are read while checking for duplicates; an unpaired "\ud800" escape has no UTF-8 form.
            throw safetensors.Corrupt(path, $"a name in the header is not valid Unicode ({e.Message})");
        }

        var dataStart = 8L + headerLength;
        var dataLength = bytes.Length - dataStart;
        var (entries, metadata) = ReadEntries(path, header, dataStart);

        // The byte ranges must tile [0, dataLength) exactly; offsets are checked before anything is read.
        long expected = 0;
        var last = "";
        foreach (var (entry, begin, end) in entries.OrderBy(e => e.begin).ThenBy(e => e.end))
        {
            last = entry.Name;
            if (begin != expected)
                throw safetensors.Corrupt(path, begin < expected
                    ? $"tensor '{entry.Name}' at bytes [{begin}, {end}) overlaps the tensor before it (which ends at {expected})"
                    : $"there is a gap in the data before tensor '{entry.Name}' (bytes [{expected}, {begin}) belong to no tensor)");
            expected = end;
        }
        if (expected != dataLength)
            throw safetensors.Corrupt(path, expected > dataLength
                ? $"tensor '{last}' ends at data byte {expected} but the file has only {dataLength} bytes of data (truncated?)"
                : $"the file has {dataLength - expected} bytes of data after the last tensor");
        return new SafeTensorsHeader { Entries = entries.Select(e => e.entry).ToList(), Metadata = metadata };
    }

    private static (List<(Entry entry, long begin, long end)>, Dictionary<string, string>) ReadEntries(string path, JsonObject header, long dataStart)
    {
        var entries = new List<(Entry entry, long begin, long end)>();
        var metadata = new Dictionary<string, string>();
        var previous = "";
        try
        {
            foreach (var (name, node) in header)
            {
                if (name == "__metadata__")
                {
                    if (node is not JsonObject meta) throw safetensors.Corrupt(path, "__metadata__ is not a JSON object");
                    foreach (var (key, value) in meta)
                        metadata[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw safetensors.Corrupt(path, $"metadata '{key}' is not a string");
                }
                else
                {
                    if (name.Length == 0) throw safetensors.Corrupt(path, "a tensor has an empty name");
                    if (node is not JsonObject entry) throw safetensors.Corrupt(path, $"tensor '{name}' is not described by a JSON object");
                    entries.Add(ReadEntry(path, name, entry, dataStart));
                }
                previous = name;
            }
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json reads an unpaired "\ud800" escape only when the string is used; such a name has no UTF-8 form.
            throw safetensors.Corrupt(path, $"a name or string {(previous.Length == 0 ? "in the first entry" : $"after entry '{previous}'")} is not valid Unicode ({e.Message})");
        }
        return (entries, metadata);
    }

    private static (Entry entry, long begin, long end) ReadEntry(string path, string name, JsonObject entry, long dataStart)
    {
        var dtype = entry["dtype"] is JsonValue d && d.TryGetValue<string>(out var text) ? text : throw safetensors.Corrupt(path, $"tensor '{name}' has no dtype string");
        var type = dtype switch
        {
            "F32" => ScalarType.Float32,
            "I64" => ScalarType.Int64,
            "BOOL" => ScalarType.Bool,
            _ => throw new NotSupportedException($"safetensors: tensor '{name}' in '{path}' has dtype {dtype}; NotebookDL reads F32, I64 and BOOL. Convert it in PyTorch with .float() first."),
        };
        var shape = Integers(path, name, entry["shape"], "shape");
        if (shape.Any(s => s < 0)) throw safetensors.Corrupt(path, $"tensor '{name}' has a negative size in its shape {EngineAdapter.FormatShape(shape)}");
        var offsets = Integers(path, name, entry["data_offsets"], "data_offsets");
        if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0])
            throw safetensors.Corrupt(path, $"tensor '{name}' has data_offsets [{string.Join(", ", offsets)}]; they must be two numbers, 0 ≤ begin ≤ end");
        var count = EngineAdapter.CheckedElementCount(shape, $"safetensors tensor '{name}' in '{path}'");
        var bytesNeeded = count * safetensors.ElementSize(type);
        if (offsets[1] - offsets[0] != bytesNeeded)
            throw safetensors.Corrupt(path, $"tensor '{name}' ({dtype} {EngineAdapter.FormatShape(shape)}) needs {bytesNeeded} bytes but its data_offsets [{offsets[0]}, {offsets[1]}) hold {offsets[1] - offsets[0]}");
        var (begin, end) = (dataStart + offsets[0], dataStart + offsets[1]);
        var length = end - begin;
        return (new Entry(name, type, shape, count, length == 0 ? 0 : checked((int)begin), (int)length), offsets[0], offsets[1]);
    }

    private static long[] Integers(string path, string name, JsonNode? node, string field)
    {
        if (node is not JsonArray array) throw safetensors.Corrupt(path, $"tensor '{name}' has no {field} list");
        return array.Select(n => n is JsonValue v && v.TryGetValue<long>(out var x) ? x
            : throw safetensors.Corrupt(path, $"tensor '{name}' has a {field} entry that is not an integer ({n?.ToJsonString() ?? "null"})")).ToArray();
    }
}
