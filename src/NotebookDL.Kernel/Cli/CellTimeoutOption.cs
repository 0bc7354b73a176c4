using System.CommandLine;
using System.Globalization;

namespace NotebookDL.Kernel.Cli;

/// <summary>The --timeout option of `run` and `grade`: seconds per cell, a positive number up to a week.</summary>
public static class CellTimeoutOption
{
    private const double MaxSeconds = 7 * 24 * 3600;

    // Read as text so that "abc", "1e300", "NaN" and "-1" all get the same one-line usage error (a typed option would
    // answer "abc" with the parser's message about System.Nullable`1[System.Double]).
    public static Option<string?> Create(string description) => new("--timeout") { Description = description };

    /// <summary>The limit, or an error message naming the command when the value is not a number of seconds in range.</summary>
    public static (TimeSpan? Limit, string? Error) Read(ParseResult parse, Option<string?> option, string command)
    {
        var text = parse.GetValue(option);
        if (text is null) return (null, null);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit) && limit > 0 && limit <= MaxSeconds
            ? (TimeSpan.FromSeconds(limit), null)
            : (null, $"notebookdl {command}: --timeout must be a number of seconds greater than 0 and at most {MaxSeconds} (a week), got '{text}'");
    }
}
