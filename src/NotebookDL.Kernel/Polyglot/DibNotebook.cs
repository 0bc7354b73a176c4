using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Polyglot;

/// <summary>One cell of a .dib file: the kernel it is written for ("csharp", "markdown", "fsharp", ...) and its text.</summary>
public sealed record DibCell(string Kernel, string Source);

/// <summary>
/// A .NET Interactive (Polyglot Notebooks) .dib file: plain text in which a line "#!kernel" starts a cell for that kernel
/// and an optional first "#!meta" cell holds JSON (kernelInfo: the default kernel and the kernels used). Only kernel
/// names split cells, so "#!time" or "#!seed" inside a C# cell stay in it, as in .NET Interactive.
/// </summary>
public sealed record DibNotebook(IReadOnlyList<DibCell> Cells, JsonObject? Metadata, string DefaultKernel)
{
    /// <summary>The kernels .NET Interactive ships, and their aliases; a #!meta block can name more.</summary>
    private static readonly string[] BuiltInKernels =
        ["csharp", "c#", "C#", "fsharp", "f#", "F#", "pwsh", "powershell", "javascript", "js", "html", "markdown", "md", "sql", "kql",
         "mermaid", "http", "value", "python"];

    public static DibNotebook Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var metadata = ReadMetadata(lines, fileName);
        var defaultKernel = (string?)metadata?["kernelInfo"]?["defaultKernelName"] ?? "csharp";
        var kernels = new HashSet<string>(BuiltInKernels, StringComparer.Ordinal) { "meta" };
        foreach (var item in metadata?["kernelInfo"]?["items"]?.AsArray() ?? [])
        {
            if ((string?)item?["name"] is { } name) kernels.Add(name);
            foreach (var alias in item?["aliases"]?.AsArray() ?? []) if ((string?)alias is { } a) kernels.Add(a.TrimStart('#', '!'));
        }

        var cells = new List<DibCell>();
        var kernel = defaultKernel;
        var body = new StringBuilder();
        foreach (var line in lines)
        {
            var separator = line.TrimEnd();
            if (separator.StartsWith("#!", StringComparison.Ordinal) && kernels.Contains(separator[2..]))
            {
                Flush(cells, kernel, body);
                kernel = separator[2..];
                continue;
            }
            body.Append(line).Append('\n');
        }
        Flush(cells, kernel, body);
        return new DibNotebook(cells.Where(c => c.Kernel != "meta").ToList(), metadata, defaultKernel);
    }

    /// <summary>The cell's text without the blank lines .NET Interactive writes around it; empty cells are dropped.</summary>
    private static void Flush(List<DibCell> cells, string kernel, StringBuilder body)
    {
        var source = body.ToString().Trim('\n');
        body.Clear();
        if (source.Trim().Length > 0) cells.Add(new DibCell(kernel, source));
    }

    private static JsonObject? ReadMetadata(string[] lines, string fileName)
    {
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0 || lines[first].TrimEnd() != "#!meta") return null;
        var json = new StringBuilder();
        for (int i = first + 1; i < lines.Length && !lines[i].StartsWith("#!", StringComparison.Ordinal); i++) json.Append(lines[i]).Append('\n');
        try
        {
            return JsonNode.Parse(json.ToString()) as JsonObject;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{fileName}: the #!meta block at line {first + 1} is not valid JSON ({ex.Message}); fix it or delete the block (it only names the kernels).", ex);
        }
    }
}
