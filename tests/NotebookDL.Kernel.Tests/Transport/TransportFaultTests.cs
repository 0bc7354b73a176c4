using System.Net.Sockets;
using System.Text;
using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Tests.Transport;

/// <summary>Memory is measured for the whole test process, so these run alone.</summary>
[CollectionDefinition("memory", DisableParallelization = true)]
public sealed class MemoryCollection;

/// <summary>
/// What a local process without the key can make a socket hold: each case is a misbehaving peer on 127.0.0.1, bounded
/// in count and time, and checks that the kernel's side stays within <see cref="TransportLimits"/>.
/// </summary>
[Collection("memory")]
public class TransportFaultTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private const long MB = 1 << 20;

    private static long Memory() => GC.GetTotalMemory(forceFullCollection: true);

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(10);
    }

    [Fact]
    public async Task Router_SixtyMegabytesOfOneBytePartsInOneMessage_IsCutOffAtThePartLimitWithBoundedMemory()
    {
        await using var router = new RouterSocket();
        int port = router.Bind("127.0.0.1", 0);
        using var peer = await RawPeer.ConnectAsync(port, "DEALER");
        var chunk = new byte[3 * 20_000];
        for (int i = 0; i < chunk.Length; i += 3) (chunk[i], chunk[i + 1], chunk[i + 2]) = (ZmtpFrame.MoreFlag, 1, 7);
        long before = Memory(), sent = 0;

        try
        {
            while (sent < 60 * MB)
            {
                await peer.WriteAsync(chunk);
                sent += chunk.Length;
            }
        }
        catch (IOException)
        {
            // the kernel closed the connection: what this test wants
        }
        long grown = Memory() - before;

        Assert.True(await peer.ClosedByPeerAsync(Timeout));
        Assert.True(sent < 60 * MB, $"sent all {sent} octets without being cut off");
        Assert.True(grown < 16 * MB, $"memory grew by {grown / MB} MB");
        Assert.False(router.TryReceive(out _));
    }

    [Fact]
    public async Task Router_FrameOverTheMessageLimit_ClosesTheConnection()
    {
        await using var router = new RouterSocket(limits: TransportLimits.Default with { MaxMessageSize = MB });
        int port = router.Bind("127.0.0.1", 0);
        using var peer = await RawPeer.ConnectAsync(port, "DEALER");

        await peer.WriteAsync([ZmtpFrame.LongFlag, 0, 0, 0, 0, 0, 0x20, 0, 0]);   // claims 2 MB

        Assert.True(await peer.ClosedByPeerAsync(Timeout));
    }

    [Fact]
    public async Task Router_FrameThatOnlyClaimsToBeLarge_CostsWhatArrives()
    {
        await using var router = new RouterSocket();
        int port = router.Bind("127.0.0.1", 0);
        var peers = new List<RawPeer>();
        long before = Memory();

        for (int i = 0; i < 10; i++)
        {
            var peer = await RawPeer.ConnectAsync(port, "DEALER");
            peers.Add(peer);
            await peer.WriteAsync([ZmtpFrame.LongFlag, 0, 0, 0, 0, 0x06, 0, 0, 0, .. new byte[10]]);   // claims 96 MB, sends 10 octets
        }
        await Task.Delay(300);
        long grown = Memory() - before;
        peers.ForEach(p => p.Dispose());

        Assert.True(grown < 32 * MB, $"ten frames claiming 96 MB each grew memory by {grown / MB} MB");
    }

    [Fact]
    public async Task Heartbeat_PeerThatSendsButNeverReads_QueuesAtMostTwiceTheHighWaterMark()
    {
        await using var heartbeat = RepSocket.Echo(TransportLimits.Default with { SendHighWaterMark = 10 });
        int port = heartbeat.Bind("127.0.0.1", 0);
        using var peer = await RawPeer.ConnectAsync(port, "REQ");
        var ping = FrameCodec.EncodeMessage([[], new byte[64 * 1024]]);
        long before = Memory();

        for (int i = 0; i < 2_000; i++) await peer.WriteAsync(ping);   // 128 MB of pings, no reads
        await Task.Delay(500);
        long grown = Memory() - before;

        Assert.InRange(heartbeat.QueuedMessages, 1, 20);
        Assert.True(grown < 48 * MB, $"memory grew by {grown / MB} MB");
    }

    [Fact]
    public async Task Pub_SubscriberThatFallsBehind_GetsEveryStatusInOrderAndANoticeOfTheDroppedOutputs()
    {
        await using var pub = new PubSocket(TransportLimits.Publisher with { SendHighWaterMark = 20, MaxQueuedBytes = MB });
        pub.DroppedNotice = count => [Encoding.ASCII.GetBytes("notice"), Encoding.ASCII.GetBytes(count.ToString())];
        int port = pub.Bind("127.0.0.1", 0);
        using var subscriber = await RawPeer.ConnectAsync(port, "SUB");
        await subscriber.WriteAsync(FrameCodec.EncodeMessage([[1]]));   // subscribe to everything, then read nothing for now
        Assert.True(await pub.WaitForSubscriberAsync(Timeout));

        for (int i = 0; i < 3_000; i++) pub.Send([Encoding.ASCII.GetBytes("output"), new byte[16 * 1024]], droppable: true);
        pub.Send([Encoding.ASCII.GetBytes("error"), []]);
        pub.Send([Encoding.ASCII.GetBytes("idle"), []]);

        var topics = new List<string>();
        int dropped = 0;
        while (topics.LastOrDefault() != "idle")
        {
            var message = await subscriber.ReadMessageAsync();
            topics.Add(Encoding.ASCII.GetString(message[0]));
            if (topics[^1] == "notice") dropped += int.Parse(Encoding.ASCII.GetString(message[1]));
        }

        Assert.Equal(["error", "idle"], topics.Where(t => t is "error" or "idle"));
        Assert.Contains("notice", topics);
        Assert.Equal(3_000, topics.Count(t => t == "output") + dropped);
    }

    [Fact]
    public async Task Router_TwoThousandConnectionsOverTheCap_AreClosedAndARealPeerConnectsAfterwards()
    {
        await using var router = new RouterSocket(limits: TransportLimits.Default with { MaxConnections = 16 });
        int port = router.Bind("127.0.0.1", 0);
        var flood = new List<TcpClient>();
        try
        {
            for (int i = 0; i < 2_000; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                flood.Add(client);
            }
            await Task.Delay(300);
            var closed = 0;
            foreach (var client in flood.TakeLast(50))
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    if (await client.GetStream().ReadAsync(new byte[64], cts.Token) == 0) closed++;
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException)
                {
                    if (ex is IOException) closed++;
                }
            }
            Assert.Equal(50, closed);
        }
        finally
        {
            flood.ForEach(c => c.Dispose());
        }

        await Until(() => router.ConnectionCount == 0);
        await Task.Delay(200);
        await using var dealer = new DealerSocket(Encoding.ASCII.GetBytes("real"));
        await dealer.ConnectAsync("127.0.0.1", port);
        dealer.Send([Encoding.ASCII.GetBytes("hello")]);
        using var cts2 = new CancellationTokenSource(Timeout);
        Assert.Equal("real", Encoding.ASCII.GetString((await router.ReceiveAsync(cts2.Token))[0]));
    }
}
