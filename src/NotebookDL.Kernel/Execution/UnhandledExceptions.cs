using System.Runtime.ExceptionServices;
using NotebookDL.Kernel.Diagnostics;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// Keeps the process alive when code a cell started throws where nothing catches it: a raw <see cref="Thread"/>, a
/// thread-pool work item, a timer callback, an <c>async void</c> method started off the cell's context. Before .NET 10
/// such an exception always ended the process (AppDomain.UnhandledException can only watch); .NET 10's
/// <see cref="ExceptionHandling.SetUnhandledExceptionHandler"/> lets a host that runs others' code (a REPL, a
/// kernel) declare it handled. The exception waits with the async void failures to be reported on the running (or
/// next) cell's stderr. A stack overflow still ends the process: .NET runs no handler for it.
/// </summary>
internal static class UnhandledExceptions
{
    private static int installed;

    /// <summary>Installs the process-wide handler once; a host that set its own keeps it.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        try
        {
            ExceptionHandling.SetUnhandledExceptionHandler(Handle);
        }
        catch (InvalidOperationException)
        {
            Log.Debug("the host process already handles unhandled exceptions; leaving its handler in place");
        }
    }

    private static bool Handle(Exception exception)
    {
        CellSynchronizationContext.Report(exception);
        return true;
    }
}
