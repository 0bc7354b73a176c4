using NotebookDL.Display;

namespace NotebookDL.Kernel.Magics;

/// <summary>The shared notebook commands report bad arguments as <see cref="CommandArgumentException"/>; magics show them as usage errors.</summary>
internal static class UsageErrors
{
    public static T Of<T>(Func<T> command)
    {
        try
        {
            return command();
        }
        // Either display flavour's CommandArgumentException: the kernel binds one of two assemblies (src/NotebookDL.Kernel/Engines).
        catch (ArgumentException ex) when (ex.GetType().Name == nameof(CommandArgumentException))
        {
            throw new MagicUsageException(ex.Message);
        }
    }
}
