using System.Net.Sockets;
using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Tests.Transport;

/// <summary>A hand-driven ZMTP peer on 127.0.0.1, for tests that send or inspect raw frames (a misbehaving client).</summary>
internal sealed class RawPeer : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TcpClient client;

    private RawPeer(TcpClient client)
    {
        this.client = client;
        Stream = client.GetStream();
    }

    public NetworkStream Stream { get; }

    /// <summary>Connects and completes the NULL handshake as <paramref name="socketType"/>, with an optional identity.</summary>
    public static async Task<RawPeer> ConnectAsync(int port, string socketType, byte[]? identity = null)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var peer = new RawPeer(client);
        await peer.WriteAsync(ZmtpGreeting.Default.ToBytes());
        var greeting = new byte[64];
        await peer.Stream.ReadExactlyAsync(greeting);
        Assert.Equal("NULL", ZmtpGreeting.Parse(greeting).Mechanism);
        List<KeyValuePair<string, byte[]>> properties = [new("Socket-Type", System.Text.Encoding.ASCII.GetBytes(socketType))];
        if (identity is not null) properties.Add(new("Identity", identity));
        await peer.WriteAsync(FrameCodec.EncodeCommand(ZmtpCommand.CreateReady(properties)));
        var ready = await peer.ReadFrameAsync();
        Assert.Equal("READY", ZmtpCommand.Parse(ready.Body).Name);
        return peer;
    }

    public async Task WriteAsync(byte[] bytes) => await Stream.WriteAsync(bytes);

    public async Task<ZmtpFrame> ReadFrameAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await FrameCodec.ReadAsync(Stream, long.MaxValue, cts.Token);
    }

    /// <summary>Reads one whole message (its parts up to the one without MORE).</summary>
    public async Task<List<byte[]>> ReadMessageAsync()
    {
        var parts = new List<byte[]>();
        while (true)
        {
            var frame = await ReadFrameAsync();
            if (frame.IsCommand) continue;
            parts.Add(frame.Body);
            if (!frame.More) return parts;
        }
    }

    /// <summary>True once the other side has closed the connection (a read returns end of stream or fails).</summary>
    public async Task<bool> ClosedByPeerAsync(TimeSpan within)
    {
        using var cts = new CancellationTokenSource(within);
        var buffer = new byte[64 * 1024];
        try
        {
            while (await Stream.ReadAsync(buffer, cts.Token) > 0) { }
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => client.Dispose();
}
