using Microsoft.DotNet.Interactive.Commands;

namespace NotebookDL.Interactive.Directives;

// The host binds each directive's parameters onto these properties by name ("--input-size" → InputSize,
// the implicit "--value" → Value); they must be public classes with settable properties.

public sealed class SeedCommand : KernelDirectiveCommand
{
    public long Value { get; set; }
}

public sealed class ThreadsCommand : KernelDirectiveCommand
{
    public int? Value { get; set; }
}

public sealed class AboutCommand : KernelDirectiveCommand;

public sealed class SummaryCommand : KernelDirectiveCommand
{
    public string? Value { get; set; }

    public string? InputSize { get; set; }

    public bool KernelShape { get; set; }

    public bool MultAdds { get; set; }
}

public sealed class PlotHistoryCommand : KernelDirectiveCommand
{
    public string? Value { get; set; }
}
