using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Runner;

/// <summary>nbformat 4 details: multi-line strings stored as lists of lines, cell ids (4.5), kernel metadata.</summary>
public static class NotebookJson
{
    /// <summary>A cell's source, which nbformat allows as one string or a list of lines.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => StringValue(l) ?? "")),
        JsonValue value => StringValue(value) ?? "",
        _ => "",
    };

    /// <summary>The node's text when it is a JSON string, else null (never throws on a number or an object).</summary>
    public static string? StringValue(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Splits keeping the line ends, as nbformat writes multi-line strings.</summary>
    public static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }

    /// <summary>Text-like MIME data is stored as lines; binary (base64) and JSON data stay as they are.</summary>
    public static JsonObject MimeData(JsonObject data)
    {
        var stored = new JsonObject();
        foreach (var (mime, value) in data)
            stored[mime] = value is JsonValue v && v.TryGetValue(out string? s) && IsTextual(mime) ? Lines(s) : value?.DeepClone();
        return stored;
    }

    private static bool IsTextual(string mime) =>
        mime.StartsWith("text/", StringComparison.Ordinal) || mime is "image/svg+xml" or "application/javascript";

    public static bool IsCode(JsonNode? cell) => StringValue(cell?["cell_type"]) == "code";

    public static IEnumerable<string> Tags(JsonNode? cell) =>
        ((cell as JsonObject)?["metadata"] as JsonObject)?["tags"] is JsonArray tags ? tags.Select(t => StringValue(t) ?? "") : [];

    /// <summary>
    /// Polyglot (.NET Interactive) notebooks mark each cell's language; only C# cells (or unmarked ones) run here.
    /// </summary>
    public static string? ForeignLanguage(JsonNode? cell)
    {
        var metadata = cell?["metadata"] as JsonObject;
        var language = StringValue((metadata?["polyglot_notebook"] as JsonObject)?["kernelName"])
            ?? StringValue((metadata?["dotnet_interactive"] as JsonObject)?["language"]);
        return language is null or "csharp" or "C#" ? null : language;
    }

    /// <summary>Upgrades to nbformat 4.5: every cell gets an id, the kernelspec and language_info say C#.</summary>
    public static void Normalize(JsonObject notebook)
    {
        notebook["nbformat"] = 4;
        notebook["nbformat_minor"] = 5;
        var metadata = notebook["metadata"] as JsonObject ?? [];
        notebook["metadata"] = metadata;
        metadata["kernelspec"] = new JsonObject { ["display_name"] = "C# (NotebookDL)", ["language"] = "C#", ["name"] = "notebookdl-csharp" };
        metadata["language_info"] = Server.KernelInfo.LanguageInfo();
        var seen = new HashSet<string>();
        foreach (var cell in Cells(notebook))
        {
            var id = StringValue(cell["id"]);
            if (id is null || !seen.Add(id))
            {
                id = Guid.NewGuid().ToString("N")[..8];
                seen.Add(id);
                cell["id"] = id;
            }
            if (cell["metadata"] is null) cell["metadata"] = new JsonObject();
            if (IsCode(cell))
            {
                cell["outputs"] ??= new JsonArray();
                if (!cell.ContainsKey("execution_count")) cell["execution_count"] = null;
            }
        }
    }

    public static IEnumerable<JsonObject> Cells(JsonObject notebook) =>
        (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>();
}
