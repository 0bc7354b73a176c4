using Microsoft.DotNet.Interactive.Commands;

namespace NotebookDL.Interactive.Directives;

// The host binds each directive's parameters onto these properties by name ("--input-size" → InputSize,
// the implicit "--value" → Value); they must be public classes with settable properties. Numbers are bound as
// strings and parsed by NotebookCommands, because the host answers "#!seed lots" for a long with "Invalid JSON".

public sealed class SeedCommand : KernelDirectiveCommand
{
    public string? Value { get; set; }
}

public sealed class ThreadsCommand : KernelDirectiveCommand
{
    public string? Value { get; set; }
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
