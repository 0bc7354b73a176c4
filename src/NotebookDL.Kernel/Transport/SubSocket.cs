namespace NotebookDL.Kernel.Transport;

/// <summary>SUB, the client side of PUB; it can announce subscriptions either the ZMTP 3.0 or the 3.1 way.</summary>
public sealed class SubSocket() : ZmtpSocket(ZmtpSocketType.Sub)
{
    protected override ValueTask OnMessageAsync(ZmtpConnection connection, List<byte[]> parts) => DeliverAsync(parts);

    /// <summary>Subscribes on every connected peer; <paramref name="asCommand"/> picks the 3.1 SUBSCRIBE command.</summary>
    public void Subscribe(byte[] topic, bool asCommand = false)
    {
        foreach (var connection in Connections)
        {
            if (asCommand) connection.SendCommand(new ZmtpCommand(ZmtpCommand.Subscribe, topic));
            else connection.SendMessage([[1, .. topic]]);
        }
    }

    public void Unsubscribe(byte[] topic, bool asCommand = false)
    {
        foreach (var connection in Connections)
        {
            if (asCommand) connection.SendCommand(new ZmtpCommand(ZmtpCommand.Cancel, topic));
            else connection.SendMessage([[0, .. topic]]);
        }
    }
}
