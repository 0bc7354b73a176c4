namespace NotebookDL.Kernel.Transport;

/// <summary>DEALER, the client side of a ROUTER: messages go to peers round-robin and arrive unchanged.</summary>
public sealed class DealerSocket(byte[]? identity = null) : ZmtpSocket(ZmtpSocketType.Dealer, identity)
{
    private int next;

    protected override ValueTask OnMessageAsync(ZmtpConnection connection, List<byte[]> parts) => DeliverAsync(parts);

    public bool Send(IReadOnlyList<byte[]> parts)
    {
        var peers = Connections.ToArray();
        if (peers.Length == 0) return false;
        return peers[(int)((uint)Interlocked.Increment(ref next) % peers.Length)].SendMessage(parts);
    }
}
