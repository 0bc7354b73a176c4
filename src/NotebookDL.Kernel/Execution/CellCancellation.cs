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
    /// <summary>
    /// How much stack a cell's own recursion may use on the cell thread. Python stops at 1,000 frames; 4 MB is some
    /// 40,000 small frames, and leaves most of the cell thread's 16 MB for library calls made at that depth. Unwinding
    /// stops taking seconds, too: the cost of an exception grows with the frames it passes.
    /// </summary>
    public const long RecursionStackBudget = 4 * 1024 * 1024;

    [ThreadStatic]
    private static nint stackBase;

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

    /// <summary>
    /// Called first in every method and local function a cell declares: an interrupt stops deep recursion too, and
    /// recursion that would overflow the stack (which kills a .NET process outright) becomes a cell error instead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void EnterFrame()
    {
        if (requested) Throw();
        byte probe = 0;
        // The stack grows down; on threads without a marked base (Task.Run in a cell) only the runtime's own check applies.
        if (stackBase != 0 && stackBase - (nint)(&probe) > RecursionStackBudget) ThrowRecursion();
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) ThrowRecursion();
    }

    /// <summary>
    /// Wraps a call through a delegate variable (<c>f(n - 1)</c> becomes <c>Frame(f)(n - 1)</c>): the frame guard runs
    /// before the call, so a lambda recursing through its own variable is stopped like a method.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Frame<T>(T target)
    {
        EnterFrame();
        return target;
    }

    /// <summary>Marks the calling thread's current stack position as where cells begin (the cell thread calls it once).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static unsafe void MarkStackBase()
    {
        byte probe = 0;
        stackBase = (nint)(&probe);
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw() => throw new CellInterruptedException(source.Token);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRecursion() => throw new InsufficientExecutionStackException(
        "The cell's code recursed too deeply and nearly filled the stack, so it was stopped. Look for a method that calls " +
        "itself without reaching a base case. The kernel and its variables are fine.");

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
