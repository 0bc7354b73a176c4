using System.Text.Json.Nodes;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Polyglot;

/// <summary>
/// Turns a .dib notebook into an .ipynb for NotebookDL's kernel: Markdown cells stay Markdown, C# cells become code
/// cells, and a cell in another language becomes a code cell that starts with its "#!fsharp"-style line, so running it
/// stops with an error naming the language rather than losing the cell. The .dib's #!meta is kept in the metadata.
/// </summary>
public static class DibConverter
{
    private static readonly HashSet<string> CSharp = ["csharp", "c#", "C#"];
    private static readonly HashSet<string> Markdown = ["markdown", "md"];

    public static JsonObject ToIpynb(DibNotebook dib)
    {
        ArgumentNullException.ThrowIfNull(dib);
        var cells = new JsonArray();
        foreach (var cell in dib.Cells)
        {
            if (Markdown.Contains(cell.Kernel))
            {
                cells.Add(new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = NotebookJson.Lines(cell.Source) });
                continue;
            }
            var source = CSharp.Contains(cell.Kernel) ? cell.Source : $"#!{cell.Kernel}\n{cell.Source}";
            cells.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["metadata"] = new JsonObject(),
                ["source"] = NotebookJson.Lines(source),
                ["outputs"] = new JsonArray(),
                ["execution_count"] = null,
            });
        }
        var metadata = new JsonObject();
        if (dib.Metadata is not null) metadata["polyglot_notebook"] = dib.Metadata.DeepClone();
        var notebook = new JsonObject { ["cells"] = cells, ["metadata"] = metadata };
        NotebookJson.Normalize(notebook);
        return notebook;
    }
}
