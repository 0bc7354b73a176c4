using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

/// <summary>
/// A magic command. Each runs around the rest of its cell: most do their work and then call
/// <see cref="MagicContext.RunRestAsync"/>; #!time measures it. Add one by subclassing and registering it.
/// </summary>
public abstract class Magic
{
    /// <summary>The name after "#!".</summary>
    public abstract string Name { get; }

    public abstract string Summary { get; }

    /// <summary>Synopsis and options, shown by -h and after bad arguments.</summary>
    public virtual string Usage => $"#!{Name}";

    public abstract Task<CellResult> RunAsync(MagicContext context);

    /// <summary>Whether #!lsmagic and error messages list it; the .NET Interactive language lines are not listed.</summary>
    public virtual bool Listed => true;
}

/// <summary>Bad arguments: reported as a UsageError followed by the magic's usage.</summary>
public sealed class MagicUsageException(string message) : Exception(message);
