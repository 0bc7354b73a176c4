using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using NotebookDL.Kernel.Diagnostics;

namespace NotebookDL.Kernel.Transport;

/// <summary>
/// What every socket type shares: binding (accepting peers up to <see cref="TransportLimits.MaxConnections"/>) or
/// connecting, the handshake, and a bounded queue of received messages. Subclasses give messages their socket-type
/// semantics.
/// </summary>
public abstract class ZmtpSocket : IAsyncDisposable
{
    private readonly CancellationTokenSource shutdown = new();
    private readonly List<TcpListener> listeners = [];
    private readonly ConcurrentDictionary<ZmtpConnection, Task> connections = new();
    private readonly List<Task> acceptLoops = [];
    private readonly Channel<List<byte[]>> inbound;
    private readonly TaskCompletionSource firstPeer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long inboundBytes;
    private int handshaking;

    /// <summary>How long the accept loop pauses after a failed accept (out of file descriptors, say) before it tries again.</summary>
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromMilliseconds(100);

    protected ZmtpSocket(ZmtpSocketType type, byte[]? identity = null, TransportLimits? limits = null)
    {
        Type = type;
        Identity = identity;
        Limits = limits ?? TransportLimits.Default;
        inbound = Channel.CreateBounded<List<byte[]>>(new BoundedChannelOptions(Limits.ReceiveHighWaterMark) { FullMode = BoundedChannelFullMode.Wait });
    }

    public ZmtpSocketType Type { get; }

    /// <summary>The Identity property announced when this socket is a REQ, DEALER or ROUTER peer.</summary>
    public byte[]? Identity { get; }

    public TransportLimits Limits { get; }

    public int ConnectionCount => connections.Count;

    /// <summary>Messages queued for peers and not yet written to the network.</summary>
    public int QueuedMessages => connections.Keys.Sum(c => c.QueuedMessages);

    protected ICollection<ZmtpConnection> Connections => connections.Keys;

    protected CancellationToken ShutdownToken => shutdown.Token;

    /// <summary>Completes when the first peer has finished its handshake.</summary>
    public Task FirstPeerConnected => firstPeer.Task;

    /// <summary>Binds synchronously, so the port is listening when this returns; port 0 picks a free port.</summary>
    public int Bind(string host, int port)
    {
        var listener = new TcpListener(ResolveBindAddress(host), port);
        listener.Start();
        lock (listeners) listeners.Add(listener);
        int bound = ((IPEndPoint)listener.LocalEndpoint).Port;
        lock (acceptLoops) acceptLoops.Add(Task.Run(() => AcceptLoopAsync(listener)));
        Log.Debug($"{Type.WireName()} bound to {host}:{bound}");
        return bound;
    }

    public async Task ConnectAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        var connection = await ZmtpConnection.EstablishAsync(client, Type, Identity, Limits, cancellationToken).ConfigureAwait(false);
        Attach(connection);
    }

    public async ValueTask<List<byte[]>> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        var message = await inbound.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref inboundBytes, -Size(message));
        return message;
    }

    public bool TryReceive(out List<byte[]> message)
    {
        if (!inbound.Reader.TryRead(out message!)) return false;
        Interlocked.Add(ref inboundBytes, -Size(message));
        return true;
    }

    /// <summary>
    /// Queues a received message for <see cref="ReceiveAsync"/>. While the queue is full (in messages or octets) the
    /// connection that sent it is not read, so a peer sending faster than the kernel handles messages waits on TCP.
    /// </summary>
    protected async ValueTask DeliverAsync(List<byte[]> message)
    {
        while (Interlocked.Read(ref inboundBytes) > Limits.MaxQueuedBytes)
            await Task.Delay(5, shutdown.Token).ConfigureAwait(false);
        Interlocked.Add(ref inboundBytes, Size(message));
        await inbound.Writer.WriteAsync(message, shutdown.Token).ConfigureAwait(false);
    }

    private static long Size(List<byte[]> message)
    {
        long size = 0;
        foreach (var part in message) size += part.Length;
        return size;
    }

    protected abstract ValueTask OnMessageAsync(ZmtpConnection connection, List<byte[]> parts);

    protected virtual ValueTask OnCommandAsync(ZmtpConnection connection, ZmtpCommand command)
    {
        Log.Debug($"{Type.WireName()} ignores the {command.Name} command");
        return ValueTask.CompletedTask;
    }

    /// <summary>Registers a peer that finished its handshake; false refuses it (the connection is then closed).</summary>
    protected virtual bool OnAttached(ZmtpConnection connection) => true;

    protected virtual void OnDetached(ZmtpConnection connection) { }

    /// <summary>
    /// Accepts until disposed. A failed accept (EMFILE when the process is out of file descriptors, a connection reset
    /// before it was accepted) pauses briefly and tries again: one bad moment must not close the port for good.
    /// </summary>
    private async Task AcceptLoopAsync(TcpListener listener)
    {
        while (!shutdown.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(shutdown.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                RateLimitedLog.Warnings.Write("accept", $"{Type.WireName()} could not accept a connection ({ex.SocketErrorCode}: {ex.Message}); retrying");
                await Task.Delay(AcceptRetryDelay, shutdown.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }
            if (connections.Count + Volatile.Read(ref handshaking) >= Limits.MaxConnections)
            {
                RateLimitedLog.Warnings.Write("too-many", $"{Type.WireName()} already holds {Limits.MaxConnections} connections; closed a new one");
                client.Dispose();
                continue;
            }
            Interlocked.Increment(ref handshaking);
            _ = Task.Run(() => HandshakeAndAttachAsync(client));
        }
    }

    private async Task HandshakeAndAttachAsync(TcpClient client)
    {
        var peer = ZmtpConnection.Describe(client);
        try
        {
            var connection = await ZmtpConnection.EstablishAsync(client, Type, Identity, Limits, shutdown.Token).ConfigureAwait(false);
            Attach(connection);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            RateLimitedLog.Warnings.Write("handshake", $"{Type.WireName()} handshake with {peer} failed: {ex.Message}");
        }
        finally
        {
            Interlocked.Decrement(ref handshaking);
        }
    }

    private void Attach(ZmtpConnection connection)
    {
        if (!OnAttached(connection))
        {
            _ = connection.CloseAsync(TimeSpan.FromSeconds(1));
            return;
        }
        var run = connection.RunAsync(parts => OnMessageAsync(connection, parts), command => OnCommandAsync(connection, command));
        connections[connection] = run;
        firstPeer.TrySetResult();
        _ = run.ContinueWith(_ =>
        {
            connections.TryRemove(connection, out Task? _);
            OnDetached(connection);
        }, TaskScheduler.Default);
    }

    private static IPAddress ResolveBindAddress(string host) => host switch
    {
        "*" or "" or "0.0.0.0" => IPAddress.Any,
        "localhost" => IPAddress.Loopback,
        _ when IPAddress.TryParse(host, out var address) => address,
        _ => Dns.GetHostAddresses(host).First(),
    };

    /// <summary>Stops listening, flushes what each peer has queued (briefly), closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (shutdown.IsCancellationRequested) return;
        shutdown.Cancel();
        lock (listeners) foreach (var listener in listeners) listener.Stop();
        await Task.WhenAll(connections.Keys.Select(c => c.CloseAsync(TimeSpan.FromSeconds(1)))).ConfigureAwait(false);
        Task[] loops;
        lock (acceptLoops) loops = [.. acceptLoops];
        await Task.WhenAll(loops).ConfigureAwait(false);
        inbound.Writer.TryComplete();
        GC.SuppressFinalize(this);
    }
}
