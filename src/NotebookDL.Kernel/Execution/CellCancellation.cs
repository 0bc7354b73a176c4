using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// The running cell's interrupt. Cell code is rewritten so every loop iteration calls <see cref="Check"/>, which
/// is why a plain <c>while (true) { }</c> stops on an interrupt; long library calls can observe <see cref="Token"/>.
/// Public because rewritten cell code calls it.
/// </summary>
public static class CellCancellation
{
    private static volatile bool requested;
    private static CancellationTokenSource source = new();

    /// <summary>The current cell's token, for APIs that take one (for example fit(..., cancellationToken: ...)).</summary>
    public static CancellationToken Token => source.Token;

    public static bool IsInterrupted => requested;

    /// <summary>A volatile read on the fast path: cheap enough for every loop iteration.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check()
    {
        if (requested) Throw();
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw() => throw new CellInterruptedException(source.Token);

    internal static CancellationToken BeginCell()
    {
        var fresh = new CancellationTokenSource();
        Interlocked.Exchange(ref source, fresh).Dispose();
        requested = false;
        return fresh.Token;
    }

    /// <summary>Interrupts the running cell (from the control channel or a runner's timeout).</summary>
    public static void Interrupt()
    {
        requested = true;
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The cell ended as we interrupted it; nothing left to cancel.
        }
    }
}

/// <summary>What an interrupted cell throws; reported like Python's KeyboardInterrupt.</summary>
public sealed class CellInterruptedException(CancellationToken token)
    : OperationCanceledException("The cell was interrupted.", token);
