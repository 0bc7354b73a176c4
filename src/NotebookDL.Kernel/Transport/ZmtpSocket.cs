using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using NotebookDL.Kernel.Diagnostics;

namespace NotebookDL.Kernel.Transport;

/// <summary>
/// What every socket type shares: binding (accepting any number of peers) or connecting, the handshake,
/// and a queue of received messages. Subclasses give messages their socket-type semantics.
/// </summary>
public abstract class ZmtpSocket : IAsyncDisposable
{
    private readonly CancellationTokenSource shutdown = new();
    private readonly List<TcpListener> listeners = [];
    private readonly ConcurrentDictionary<ZmtpConnection, Task> connections = new();
    private readonly List<Task> acceptLoops = [];
    private readonly Channel<List<byte[]>> inbound = Channel.CreateUnbounded<List<byte[]>>();
    private readonly TaskCompletionSource firstPeer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected ZmtpSocket(ZmtpSocketType type, byte[]? identity = null, int? sendHighWaterMark = null)
    {
        Type = type;
        Identity = identity;
        SendHighWaterMark = sendHighWaterMark;
    }

    public ZmtpSocketType Type { get; }

    /// <summary>The Identity property announced when this socket is a REQ, DEALER or ROUTER peer.</summary>
    public byte[]? Identity { get; }

    public int? SendHighWaterMark { get; }

    public int ConnectionCount => connections.Count;

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
        var connection = await ZmtpConnection.EstablishAsync(client, Type, Identity, SendHighWaterMark, cancellationToken).ConfigureAwait(false);
        Attach(connection);
    }

    public ValueTask<List<byte[]>> ReceiveAsync(CancellationToken cancellationToken = default) =>
        inbound.Reader.ReadAsync(cancellationToken);

    public bool TryReceive(out List<byte[]> message) => inbound.Reader.TryRead(out message!);

    protected void Deliver(List<byte[]> message) => inbound.Writer.TryWrite(message);

    protected abstract ValueTask OnMessageAsync(ZmtpConnection connection, List<byte[]> parts);

    protected virtual ValueTask OnCommandAsync(ZmtpConnection connection, ZmtpCommand command)
    {
        Log.Debug($"{Type.WireName()} ignores the {command.Name} command");
        return ValueTask.CompletedTask;
    }

    protected virtual void OnAttached(ZmtpConnection connection) { }

    protected virtual void OnDetached(ZmtpConnection connection) { }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        while (!shutdown.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(shutdown.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => HandshakeAndAttachAsync(client));
        }
    }

    private async Task HandshakeAndAttachAsync(TcpClient client)
    {
        try
        {
            var connection = await ZmtpConnection.EstablishAsync(client, Type, Identity, SendHighWaterMark, shutdown.Token).ConfigureAwait(false);
            Attach(connection);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.Warn($"{Type.WireName()} handshake with {client.Client?.RemoteEndPoint} failed: {ex.Message}");
        }
    }

    private void Attach(ZmtpConnection connection)
    {
        OnAttached(connection);
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
