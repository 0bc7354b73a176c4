namespace NotebookDL.Kernel.Transport;

/// <summary>
/// What one peer may cost the kernel. Every port accepts connections before any key is checked (the key signs Jupyter
/// messages, not ZMTP), so these bound what anyone who can reach a port can make the kernel hold.
/// </summary>
/// <param name="MaxMessageSize">Octets in one message, all parts together; a bigger one closes the connection.</param>
/// <param name="MaxMessageParts">Parts in one message: a Jupyter message has about seven, plus its buffers. The
/// cap matters because a part costs ~40 octets of bookkeeping however small it is on the wire.</param>
/// <param name="SendHighWaterMark">Messages queued for one peer that is not reading; past it messages are dropped.</param>
/// <param name="MaxQueuedBytes">Octets queued for one peer, and received by one socket but not yet handled.</param>
/// <param name="ReceiveHighWaterMark">Messages received by one socket but not yet handled; past it, peers are not read.</param>
/// <param name="MaxConnections">Connections one socket holds at once; more are closed as they arrive, so a flood of
/// connections cannot take every file descriptor the process has.</param>
public sealed record TransportLimits(
    long MaxMessageSize, int MaxMessageParts, int SendHighWaterMark, long MaxQueuedBytes, int ReceiveHighWaterMark, int MaxConnections)
{
    /// <summary>NOTEBOOKDL_MAX_MESSAGE_MB overrides the 128 MB message limit (a notebook sending bigger buffers needs it).</summary>
    public static TransportLimits Default { get; } = new(
        MaxMessageSize: MegabytesFromEnvironment("NOTEBOOKDL_MAX_MESSAGE_MB", 128),
        MaxMessageParts: 4096,
        SendHighWaterMark: 1000,
        MaxQueuedBytes: 512L << 20,
        ReceiveHighWaterMark: 1000,
        MaxConnections: 64);

    /// <summary>iopub: a cell may print many small outputs faster than a front end reads them; the oldest go first.</summary>
    public static TransportLimits Publisher { get; } = Default with { SendHighWaterMark = 100_000 };

    private static long MegabytesFromEnvironment(string name, long fallback) =>
        long.TryParse(Environment.GetEnvironmentVariable(name), out var mb) && mb > 0 ? mb << 20 : fallback << 20;
}
