using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Display;

/// <summary>
/// Notebook functions only a kernel can provide (statically imported into cells), named like IPython's so
/// course material reads the same.
/// </summary>
public static class KernelNotebook
{
    /// <summary>Clears the cell's output; with <paramref name="wait"/> the clear happens when the next output arrives (flicker-free animation).</summary>
    public static void clear_output(bool wait = false)
    {
        CellConsole.Flush();
        CellConsole.Current?.ClearOutput(wait);
    }

    /// <summary>Asks the user for a line of text (an input box in Jupyter); null when the frontend cannot ask.</summary>
    public static string? input(string prompt = "", bool password = false)
    {
        CellConsole.Flush();
        return CellConsole.Current?.ReadLine(prompt, password);
    }
}
