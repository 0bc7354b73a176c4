using System.CommandLine;
using NotebookDL.Kernel.Engines;

namespace NotebookDL.Kernel.Cli;

/// <summary>--engine managed|torchsharp: the tensor engine notebooks start on (a notebook's own #!engine line still wins before its first code).</summary>
public static class EngineOption
{
    public static Option<string?> Create() => new("--engine")
    {
        Description = $"The tensor engine cells run on: {string.Join(" or ", KernelEngines.Names)} (default: ${KernelEngines.EnvironmentVariable}, else managed).",
        CustomParser = result =>
        {
            var name = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (!KernelEngines.Names.Contains(name.Trim().ToLowerInvariant()))
                result.AddError($"--engine: '{name}' is not an engine NotebookDL knows; choose {string.Join(" or ", KernelEngines.Names)}.");
            return name;
        },
    };

    /// <summary>Makes the chosen engine (if any) the default of the sessions this process creates.</summary>
    public static void Apply(ParseResult parse, Option<string?> option)
    {
        if (parse.GetValue(option) is { Length: > 0 } name) KernelEngines.SetDefault(name);
    }
}
