namespace NotebookDL.Kernel.Transport;

/// <summary>REQ, the client side of REP (heartbeat pings): adds and strips the empty delimiter.</summary>
public sealed class ReqSocket() : ZmtpSocket(ZmtpSocketType.Req)
{
    protected override ValueTask OnMessageAsync(ZmtpConnection connection, List<byte[]> parts)
    {
        int delimiter = parts.FindIndex(p => p.Length == 0);
        if (delimiter >= 0) Deliver(parts.GetRange(delimiter + 1, parts.Count - delimiter - 1));
        return ValueTask.CompletedTask;
    }

    public bool Send(IReadOnlyList<byte[]> body)
    {
        var peer = Connections.FirstOrDefault();
        return peer is not null && peer.SendMessage([[], .. body]);
    }
}
