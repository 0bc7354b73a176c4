using System.Text;

namespace NotebookDL.Kernel.Magics;

/// <summary>One "#!name args" line from the top of a cell.</summary>
public sealed record MagicLine(string Name, IReadOnlyList<string> Args, int Line);

/// <summary>
/// Finds the magic lines at the top of a cell ("#!name args", blank lines allowed between them). The code
/// handed to C# keeps its length and line numbers: magic lines become spaces, so compile errors, completion
/// offsets and tracebacks still point at the right place.
/// </summary>
public static class MagicParser
{
    public static (IReadOnlyList<MagicLine> Magics, string Code) Split(string cell)
    {
        var magics = new List<MagicLine>();
        var code = new StringBuilder(cell);
        int lineStart = 0, lineNumber = 0;
        while (lineStart < cell.Length)
        {
            int lineEnd = cell.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = cell.Length;
            var line = cell[lineStart..lineEnd].TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var tokens = Tokenize(trimmed[2..]);
                if (tokens.Count > 0) magics.Add(new MagicLine(tokens[0], tokens.Skip(1).ToList(), lineNumber));
                for (int i = lineStart; i < lineStart + line.Length; i++) code[i] = ' ';
            }
            else if (trimmed.Length > 0)
            {
                break;
            }
            lineStart = lineEnd + 1;
            lineNumber++;
        }
        return (magics, magics.Count == 0 ? cell : code.ToString());
    }

    /// <summary>Splits on whitespace; double quotes group words ("a b") and backslash escapes a quote.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] == '"') { current.Append('"'); i++; any = true; }
            else if (c == '"') { quoted = !quoted; any = true; }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any) tokens.Add(current.ToString());
                current.Clear();
                any = false;
            }
            else { current.Append(c); any = true; }
        }
        if (any) tokens.Add(current.ToString());
        return tokens;
    }
}
