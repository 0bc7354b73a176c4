using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Runner;

/// <summary>
/// Checks that a file is a notebook the runner can execute, and lifts nbformat 3 (cells inside "worksheets",
/// code in "input", heading cells) to nbformat 4 so old notebooks run instead of "passing" with no cells.
/// </summary>
public static class NotebookUpgrade
{
    /// <summary>Reads a notebook file, checks it and lifts nbformat 3 to 4; a clear error for anything that is not a notebook.</summary>
    public static async Task<JsonObject> LoadAsync(string path)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(await File.ReadAllTextAsync(path).ConfigureAwait(false));
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a notebook: its JSON is invalid ({ex.Message})", ex);
        }
        var notebook = parsed as JsonObject ?? throw new InvalidDataException($"{path} is not a notebook (expected a JSON object)");
        Validate(notebook, path);
        return notebook;
    }

    public static void Validate(JsonObject notebook, string path)
    {
        var format = notebook["nbformat"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : (int?)null;
        if (format == 3 && notebook["worksheets"] is JsonArray) FromVersion3(notebook);
        else if (format != 4)
            throw new InvalidDataException($"{path}: nbformat {(format?.ToString() ?? "(missing)")} is not supported; the runner reads nbformat 3 and 4 notebooks");
        if (notebook["cells"] is not JsonArray cells)
            throw new InvalidDataException($"{path}: the notebook has no \"cells\" list");
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"] is not JsonValue)
                throw new InvalidDataException($"{path}: cell {i + 1} is not a cell object with a cell_type");
            if (!IsText(cell["source"]))
                throw new InvalidDataException($"{path}: cell {i + 1}'s source must be a string or a list of strings");
        }
    }

    private static bool IsText(JsonNode? node) => node switch
    {
        null => true,
        JsonValue value => value.TryGetValue<string>(out _),
        JsonArray lines => lines.All(l => l is JsonValue line && line.TryGetValue<string>(out _)),
        _ => false,
    };

    private static void FromVersion3(JsonObject notebook)
    {
        var cells = new JsonArray();
        foreach (var worksheet in notebook["worksheets"]!.AsArray().OfType<JsonObject>())
            foreach (var old in (worksheet["cells"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var type = old["cell_type"]?.GetValue<string>();
                var metadata = old["metadata"]?.DeepClone() ?? new JsonObject();
                cells.Add(type switch
                {
                    "code" => new JsonObject
                    {
                        ["cell_type"] = "code", ["metadata"] = metadata, ["source"] = old["input"]?.DeepClone() ?? "",
                        ["outputs"] = new JsonArray(), ["execution_count"] = null,
                    },
                    "heading" => new JsonObject
                    {
                        ["cell_type"] = "markdown", ["metadata"] = metadata,
                        ["source"] = new string('#', Math.Clamp(old["level"]?.GetValue<int>() ?? 1, 1, 6)) + " " + NotebookJson.Text(old["source"]),
                    },
                    _ => new JsonObject { ["cell_type"] = type ?? "raw", ["metadata"] = metadata, ["source"] = old["source"]?.DeepClone() ?? "" },
                });
            }
        notebook.Remove("worksheets");
        notebook["cells"] = cells;
        notebook["nbformat"] = 4;
        notebook["nbformat_minor"] = 5;
    }
}
