namespace NotebookDL.Kernel.Transport;

/// <summary>
/// REP answering each request on the connection's own reader task with <paramref name="respond"/>. The
/// envelope (everything up to and including the empty delimiter) goes back with the reply. Answering inline
/// keeps the heartbeat alive while a cell is busy on another thread. Replies to a peer that sends without reading
/// stop queueing at the send high-water mark (<see cref="TransportLimits"/>), so its echoes cannot pile up.
/// </summary>
public sealed class RepSocket(Func<List<byte[]>, IReadOnlyList<byte[]>> respond, TransportLimits? limits = null)
    : ZmtpSocket(ZmtpSocketType.Rep, limits: limits)
{
    /// <summary>The Jupyter heartbeat: echo whatever arrives.</summary>
    public static RepSocket Echo(TransportLimits? limits = null) => new(body => body, limits);

    protected override ValueTask OnMessageAsync(ZmtpConnection connection, List<byte[]> parts)
    {
        int delimiter = parts.FindIndex(p => p.Length == 0);
        if (delimiter < 0) return ValueTask.CompletedTask; // not from a REQ or DEALER envelope: drop, as libzmq does
        var reply = new List<byte[]>(parts.GetRange(0, delimiter + 1));
        reply.AddRange(respond(parts.GetRange(delimiter + 1, parts.Count - delimiter - 1)));
        connection.SendMessage(reply);
        return ValueTask.CompletedTask;
    }
}
