namespace NotebookDL.Kernel.Transport;

/// <summary>REQ, the client side of REP (heartbeat pings): adds and strips the empty delimiter.</summary>
public sealed class ReqSocket() : ZmtpSocket(ZmtpSocketType.Req)
{
    protected override ValueTask OnMessageAsync(ZmtpConnection connection, List<byte[]> parts)
    {
        int delimiter = parts.FindIndex(p => p.Length == 0);
        return delimiter >= 0 ? DeliverAsync(parts.GetRange(delimiter + 1, parts.Count - delimiter - 1)) : ValueTask.CompletedTask;
    }

    public bool Send(IReadOnlyList<byte[]> body)
    {
        var peer = Connections.FirstOrDefault();
        return peer is not null && peer.SendMessage([[], .. body]);
    }
}
