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
        if (format == 3 && notebook["worksheets"] is not JsonArray)
            throw new InvalidDataException($"{path}: an nbformat 3 notebook needs a \"worksheets\" list, and this one has none");
        if (format == 3) FromVersion3(notebook);
        else if (format != 4)
            throw new InvalidDataException($"{path}: nbformat {notebook["nbformat"]?.ToJsonString() ?? "(missing)"} is not supported; the runner reads nbformat 3 and 4 notebooks");
        if (notebook["cells"] is not JsonArray cells)
            throw new InvalidDataException($"{path}: the notebook has no \"cells\" list");
        if (notebook["metadata"] is not (null or JsonObject))
            throw new InvalidDataException($"{path}: the notebook's metadata must be a JSON object");
        for (int i = 0; i < cells.Count; i++)
        {
            if (CellProblem(cells[i]) is { } problem)
                throw new InvalidDataException($"{path}: cell {i + 1}{problem}; fix the cell in the file (nbformat 4 describes each field)");
        }
    }

    /// <summary>What is wrong with a cell's fields the runner reads (said after "cell N"), or null when nothing is.</summary>
    private static string? CellProblem(JsonNode? node)
    {
        if (node is not JsonObject cell) return " is not a JSON object";
        if (NotebookJson.StringValue(cell["cell_type"]) is null) return " has no cell_type string (code, markdown or raw)";
        if (!IsText(cell["source"])) return "'s source must be a string or a list of strings";
        if (cell["id"] is not null && NotebookJson.StringValue(cell["id"]) is null) return "'s id must be a string";
        if (cell["metadata"] is not (null or JsonObject)) return "'s metadata must be a JSON object";
        if (cell["metadata"]?["tags"] is { } tags && !IsStringList(tags)) return "'s metadata.tags must be a list of strings";
        return null;
    }

    private static bool IsStringList(JsonNode node) =>
        node is JsonArray items && items.All(item => NotebookJson.StringValue(item) is not null);

    private static bool IsText(JsonNode? node) => node is null || NotebookJson.StringValue(node) is not null || IsStringList(node);

    private static void FromVersion3(JsonObject notebook)
    {
        var cells = new JsonArray();
        foreach (var worksheet in notebook["worksheets"]!.AsArray().OfType<JsonObject>())
            foreach (var old in (worksheet["cells"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var type = NotebookJson.StringValue(old["cell_type"]);
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
                        ["source"] = new string('#', Math.Clamp(old["level"] is JsonValue l && l.TryGetValue<int>(out var level) ? level : 1, 1, 6)) + " " + NotebookJson.Text(old["source"]),
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
