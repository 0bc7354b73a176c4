using System.CommandLine;
using System.Globalization;

namespace NotebookDL.Kernel.Cli;

/// <summary>The --timeout option of `run` and `grade`: seconds per cell, a positive number up to a week.</summary>
public static class CellTimeoutOption
{
    private const double MaxSeconds = 7 * 24 * 3600;

    public static Option<double?> Create(string description) => new("--timeout") { Description = description };

    /// <summary>The limit, or an error message naming the command when the value is out of range.</summary>
    public static (TimeSpan? Limit, string? Error) Read(ParseResult parse, Option<double?> option, string command)
    {
        var seconds = parse.GetValue(option);
        if (seconds is not { } limit) return (null, null);
        return limit > 0 && limit <= MaxSeconds
            ? (TimeSpan.FromSeconds(limit), null)
            : (null, $"notebookdl {command}: --timeout must be a number of seconds between 0 and {MaxSeconds} (a week), got {limit.ToString(CultureInfo.InvariantCulture)}");
    }
}
