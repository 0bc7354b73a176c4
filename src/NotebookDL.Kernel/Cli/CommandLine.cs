using System.CommandLine;

namespace NotebookDL.Kernel.Cli;

/// <summary>The `notebookdl` command: kernel, install, uninstall, run.</summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("NotebookDL: a Jupyter kernel for C# with NotebookDL built in, and a headless notebook runner.");
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
