using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Execution;

/// <summary>An error as Jupyter reports it: the same ename goes to iopub's error message and to the reply.</summary>
public sealed record CellError(string EName, string EValue, IReadOnlyList<string> Traceback)
{
    public JsonObject ToJson() => new()
    {
        ["ename"] = EName,
        ["evalue"] = EValue,
        ["traceback"] = new JsonArray([.. Traceback.Select(line => (JsonNode?)JsonValue.Create(line))]),
    };
}

/// <summary>How a cell ended: with an optional value to show (a MIME bundle) or with an error.</summary>
public sealed record CellResult(CellError? Error, JsonObject? Value)
{
    public static readonly CellResult Empty = new(null, null);

    public bool IsError => Error is not null;

    public static CellResult Failed(CellError error) => new(error, null);

    public static CellResult WithValue(JsonObject bundle) => new(null, bundle);
}
