namespace NotebookDL.Display;

/// <summary>
/// The registry of the current display host. A kernel calls <see cref="Register"/> once at start-up;
/// <see cref="Use"/> overrides it for the current async flow only, so a test's recording host never
/// sees displays from tests running in parallel.
/// </summary>
public static class DisplayHost
{
    private static IDisplayHost global = new ConsoleDisplayHost();
    private static readonly AsyncLocal<IDisplayHost?> scoped = new();

    public static IDisplayHost Current => scoped.Value ?? Volatile.Read(ref global);

    /// <summary>Makes <paramref name="host"/> the process-wide host (what a notebook kernel does).</summary>
    public static void Register(IDisplayHost host) => Volatile.Write(ref global, host ?? throw new ArgumentNullException(nameof(host)));

    /// <summary>Routes displays in this async flow to <paramref name="host"/> until the returned scope is disposed.</summary>
    public static IDisposable Use(IDisplayHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var previous = scoped.Value;
        scoped.Value = host;
        return new RestoreOnDispose(() => scoped.Value = previous);
    }
}
