using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Protocol;

/// <summary>JSON settings and tolerant accessors: clients omit optional fields, so reads take defaults.</summary>
public static class Json
{
    /// <summary>Relaxed escaping keeps non-ASCII text readable in notebooks; the result is still valid JSON.</summary>
    public static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static byte[] ToUtf8(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Compact);

    public static JsonObject ParseObject(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return [];
        return JsonNode.Parse(utf8) as JsonObject ?? throw new JsonException("expected a JSON object");
    }

    public static string GetString(this JsonObject obj, string name, string fallback = "") =>
        obj[name] is JsonValue value && value.TryGetValue(out string? s) ? s : fallback;

    public static bool GetBool(this JsonObject obj, string name, bool fallback) =>
        obj[name] is JsonValue value && value.TryGetValue(out bool b) ? b : fallback;

    public static int GetInt(this JsonObject obj, string name, int fallback) =>
        obj[name] is JsonValue value && (value.TryGetValue(out int i) || TryDouble(value, out i)) ? i : fallback;

    public static JsonObject GetObject(this JsonObject obj, string name) => obj[name] as JsonObject ?? [];

    private static bool TryDouble(JsonValue value, out int result)
    {
        result = 0;
        if (!value.TryGetValue(out double d)) return false;
        result = (int)d;
        return true;
    }
}
