using System.Net.Sockets;
using System.Text;
using NotebookDL.Kernel.Diagnostics;

namespace NotebookDL.Kernel.Transport;

/// <summary>
/// One ZMTP 3.x connection over TCP: the NULL handshake, then one reader task (frames → messages and commands,
/// PINGs answered here) and one writer task draining an outbound queue, so senders never block on the network.
/// Everything a peer can make it hold is bounded by <see cref="TransportLimits"/>.
/// </summary>
public sealed class ZmtpConnection : IAsyncDisposable
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);
    private readonly TcpClient client;
    private readonly NetworkStream network;
    private readonly Stream reader;
    private readonly OutboundQueue outbound;
    private readonly TransportLimits limits;
    private readonly CancellationTokenSource stop = new();
    private Task? writerTask;
    private int droppedWarnings;

    private ZmtpConnection(TcpClient client, ZmtpSocketType localType, TransportLimits limits)
    {
        this.client = client;
        this.limits = limits;
        client.NoDelay = true;
        network = client.GetStream();
        reader = new BufferedStream(network, 16 * 1024);
        LocalType = localType;
        outbound = new OutboundQueue(limits.SendHighWaterMark, limits.MaxQueuedBytes);
        RemoteEndPoint = Describe(client);
    }

    /// <summary>The peer's address for log lines; "?" once the connection is gone (asking would throw).</summary>
    public static string Describe(TcpClient client)
    {
        try
        {
            return client.Client.RemoteEndPoint?.ToString() ?? "?";
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return "?";
        }
    }

    /// <summary>Encodes the message that tells this peer how many of its messages were dropped (iopub's stream notice).</summary>
    public Func<int, byte[]?>? DroppedNotice { get; set; }

    public ZmtpSocketType LocalType { get; }

    public ZmtpGreeting PeerGreeting { get; private set; }

    public string PeerSocketType { get; private set; } = "";

    /// <summary>The Identity property the peer announced (empty when it announced none).</summary>
    public byte[] PeerIdentity { get; private set; } = [];

    /// <summary>How a ROUTER addresses this peer: its announced identity, or one the ROUTER generated.</summary>
    public byte[] RoutingId { get; internal set; } = [];

    public string RemoteEndPoint { get; }

    /// <summary>Greets, runs the NULL mechanism and exchanges READY; closes the connection on any failure.</summary>
    public static async Task<ZmtpConnection> EstablishAsync(TcpClient client, ZmtpSocketType localType, byte[]? identity,
        TransportLimits limits, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HandshakeTimeout);
        try
        {
            // Inside the try: a peer that reset the connection before it was accepted fails here already
            // (setsockopt, GetStream), and its socket must still be closed, or each such peer leaks a descriptor.
            var connection = new ZmtpConnection(client, localType, limits);
            await connection.HandshakeAsync(identity, timeout.Token).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task HandshakeAsync(byte[]? identity, CancellationToken cancellationToken)
    {
        await network.WriteAsync(ZmtpGreeting.Default.ToBytes(), cancellationToken).ConfigureAwait(false);
        var greeting = new byte[ZmtpGreeting.Length];
        await reader.ReadExactlyAsync(greeting, cancellationToken).ConfigureAwait(false);
        PeerGreeting = ZmtpGreeting.Parse(greeting);
        if (PeerGreeting.Mechanism != "NULL")
        {
            await WriteDirectAsync(ZmtpCommand.CreateError("only the NULL mechanism is supported"), cancellationToken).ConfigureAwait(false);
            throw new ZmtpProtocolException($"peer asked for the {PeerGreeting.Mechanism} mechanism; only NULL is supported");
        }

        var properties = new List<KeyValuePair<string, byte[]>> { new("Socket-Type", Encoding.ASCII.GetBytes(LocalType.WireName())) };
        if (LocalType.SendsIdentity()) properties.Add(new("Identity", identity ?? []));
        await WriteDirectAsync(ZmtpCommand.CreateReady(properties), cancellationToken).ConfigureAwait(false);

        var frame = await FrameCodec.ReadAsync(reader, limits.MaxMessageSize, cancellationToken).ConfigureAwait(false);
        if (!frame.IsCommand) throw new ZmtpProtocolException("expected READY, got a message frame");
        var command = ZmtpCommand.Parse(frame.Body);
        if (command.Name == ZmtpCommand.Error)
            throw new ZmtpProtocolException($"peer refused the handshake: {Encoding.ASCII.GetString(command.Data.AsSpan(Math.Min(1, command.Data.Length)))}");
        if (command.Name != ZmtpCommand.Ready) throw new ZmtpProtocolException($"expected READY, got {command.Name}");
        var peer = command.ReadProperties();
        PeerSocketType = peer.TryGetValue("Socket-Type", out var type) ? Encoding.ASCII.GetString(type) : "";
        PeerIdentity = peer.TryGetValue("Identity", out var id) ? id : [];
        if (!LocalType.AcceptsPeer(PeerSocketType))
        {
            await WriteDirectAsync(ZmtpCommand.CreateError($"{LocalType.WireName()} does not accept {PeerSocketType}"), cancellationToken).ConfigureAwait(false);
            throw new ZmtpProtocolException($"{LocalType.WireName()} socket cannot talk to a '{PeerSocketType}' peer");
        }
    }

    private async Task WriteDirectAsync(ZmtpCommand command, CancellationToken cancellationToken) =>
        await network.WriteAsync(FrameCodec.EncodeCommand(command), cancellationToken).ConfigureAwait(false);

    /// <summary>Runs the reader and writer until the peer leaves, the connection breaks or it is disposed.</summary>
    public async Task RunAsync(Func<List<byte[]>, ValueTask> onMessage, Func<ZmtpCommand, ValueTask> onCommand)
    {
        writerTask = Task.Run(WriteLoopAsync);
        try
        {
            await ReadLoopAsync(onMessage, onCommand).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ObjectDisposedException or OperationCanceledException
            or SocketException or System.Threading.Channels.ChannelClosedException)
        {
            Log.Debug($"{LocalType.WireName()} peer {RemoteEndPoint} left");
        }
        catch (ZmtpProtocolException ex)
        {
            RateLimitedLog.Warnings.Write("protocol", $"{LocalType.WireName()} peer {RemoteEndPoint} broke the protocol: {ex.Message}; closed it");
        }
        finally
        {
            stop.Cancel();
            outbound.Complete();
            client.Dispose();
        }
    }

    private async Task ReadLoopAsync(Func<List<byte[]>, ValueTask> onMessage, Func<ZmtpCommand, ValueTask> onCommand)
    {
        var parts = new List<byte[]>();
        long size = 0;
        while (true)
        {
            var frame = await FrameCodec.ReadAsync(reader, limits.MaxMessageSize - size, stop.Token).ConfigureAwait(false);
            if (frame.IsCommand)
            {
                if (parts.Count > 0) throw new ZmtpProtocolException("command frame inside a multipart message");
                var command = ZmtpCommand.Parse(frame.Body);
                if (command.Name == ZmtpCommand.Ping) Enqueue(FrameCodec.EncodeCommand(command.ToPong()));
                else if (command.Name == ZmtpCommand.Error) throw new ZmtpProtocolException("peer sent ERROR");
                else if (command.Name != ZmtpCommand.Pong) await onCommand(command).ConfigureAwait(false);
                continue;
            }
            parts.Add(frame.Body);
            size += frame.Body.Length;
            if (frame.More)
            {
                if (parts.Count >= limits.MaxMessageParts)
                    throw new ZmtpProtocolException($"a message of more than {limits.MaxMessageParts} parts");
                continue;
            }
            var message = parts;
            parts = [];
            size = 0;
            await onMessage(message).ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (await outbound.DequeueAsync(stop.Token).ConfigureAwait(false) is { } buffer)
            {
                if (outbound.TakeDropped() is > 0 and var dropped && DroppedNotice?.Invoke(dropped) is { } notice)
                    await network.WriteAsync(notice, stop.Token).ConfigureAwait(false);
                await network.WriteAsync(buffer, stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            Log.Debug($"{LocalType.WireName()} writer to {RemoteEndPoint} stopped");
            stop.Cancel();
            client.Dispose();
        }
    }

    /// <summary>
    /// Queues an encoded message or command; false when the queue refused it (the peer is not reading) or is closed.
    /// <paramref name="droppable"/> messages make room for later ones (see <see cref="OutboundQueue"/>).
    /// </summary>
    public bool Enqueue(byte[] encoded, bool droppable = false)
    {
        bool queued = outbound.TryEnqueue(encoded, droppable);
        if (outbound.PendingDropped > 0 && !stop.IsCancellationRequested && Interlocked.Increment(ref droppedWarnings) == 1)
            RateLimitedLog.Warnings.Write("not-reading", $"{LocalType.WireName()} peer {RemoteEndPoint} is not reading; dropping messages queued for it");
        return queued;
    }

    public int QueuedMessages => outbound.Count;

    public bool SendMessage(IReadOnlyList<byte[]> parts) => Enqueue(FrameCodec.EncodeMessage(parts));

    public bool SendCommand(ZmtpCommand command) => Enqueue(FrameCodec.EncodeCommand(command));

    /// <summary>Sends what is queued (up to <paramref name="timeout"/>), then closes.</summary>
    public async Task CloseAsync(TimeSpan timeout)
    {
        outbound.Complete();
        if (writerTask is { } writer) await Task.WhenAny(writer, Task.Delay(timeout)).ConfigureAwait(false);
        stop.Cancel();
        client.Dispose();
    }

    public async ValueTask DisposeAsync() => await CloseAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
}
