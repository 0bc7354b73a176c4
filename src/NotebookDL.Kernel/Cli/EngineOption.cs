using System.CommandLine;
using NotebookDL.Kernel.Engines;

namespace NotebookDL.Kernel.Cli;

/// <summary>--engine managed|torchsharp: the tensor engine notebooks start on (a notebook's own #!engine line still wins before its first code).</summary>
public static class EngineOption
{
    public static Option<string?> Create() => new("--engine")
    {
        Description = $"The tensor engine cells run on: {string.Join(" or ", KernelEngines.Names)} (default: ${KernelEngines.EnvironmentVariable}, else managed).",
    };

    /// <summary>
    /// Makes the chosen engine (if any) the default of the sessions this process creates, and checks the default
    /// NOTEBOOKDL_ENGINE names; the error to print (and exit 2 with) when it names no engine, else null.
    /// </summary>
    public static string? Apply(ParseResult parse, Option<string?> option)
    {
        try
        {
            _ = KernelEngines.Default;
        }
        catch (ArgumentException e)
        {
            return $"notebookdl {parse.CommandResult.Command.Name}: {e.Message}";
        }
        if (parse.GetValue(option) is not { } name) return null;
        try
        {
            KernelEngines.SetDefault(name);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"notebookdl {parse.CommandResult.Command.Name}: --engine: {e.Message}";
        }
    }
}
