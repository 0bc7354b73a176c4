using System.Text;

namespace NotebookDL.Kernel.Language;

/// <summary>
/// Jupyter 5.2+ counts cursor_pos in Unicode code points; .NET strings index UTF-16 units. They differ only
/// with astral-plane characters (emoji, 𝐚), but there a wrong conversion replaces the wrong text.
/// </summary>
public static class TextPositions
{
    public static int ToUtf16(string text, int codePoints)
    {
        int index = 0;
        for (int seen = 0; seen < codePoints && index < text.Length; seen++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
        return index;
    }

    public static int ToCodePoints(string text, int utf16Index)
    {
        int count = 0;
        for (int i = 0; i < utf16Index && i < text.Length; i++)
            if (!char.IsLowSurrogate(text[i])) count++;
        return count;
    }

    public static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.ConnectorPunctuation;

    /// <summary>The start of the identifier that ends at <paramref name="position"/>.</summary>
    public static int IdentifierStart(string text, int position)
    {
        int start = Math.Clamp(position, 0, text.Length);
        while (start > 0 && IsIdentifierPart(text[start - 1])) start--;
        if (start > 0 && text[start - 1] == '@') start--; // verbatim identifiers
        return start;
    }

    public static string Describe(string text) => new StringBuilder(text).Replace("\n", "\\n").ToString();
}
