using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Tests.Transport;

/// <summary>Real TCP round trips between this transport's own client and server sockets.</summary>
public class LoopbackTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static async Task<List<byte[]>> Receive(ZmtpSocket socket)
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await socket.ReceiveAsync(cts.Token);
    }

    private static byte[] B(string s) => System.Text.Encoding.UTF8.GetBytes(s);

    [Fact]
    public async Task Router_sees_the_dealer_identity_and_routes_the_reply_back()
    {
        await using var router = new RouterSocket();
        int port = router.Bind("127.0.0.1", 0);
        await using var dealer = new DealerSocket(B("client-1"));
        await dealer.ConnectAsync("127.0.0.1", port);
        await router.FirstPeerConnected.WaitAsync(Timeout);

        Assert.True(dealer.Send([B("hello"), B("world")]));
        var request = await Receive(router);
        Assert.Equal(new[] { "client-1", "hello", "world" }, request.Select(System.Text.Encoding.UTF8.GetString));

        Assert.True(router.Send([request[0], B("reply")]));
        var reply = await Receive(dealer);
        Assert.Equal("reply", System.Text.Encoding.UTF8.GetString(Assert.Single(reply)));
    }

    [Fact]
    public async Task Router_generates_a_zero_prefixed_identity_for_anonymous_peers()
    {
        await using var router = new RouterSocket();
        int port = router.Bind("127.0.0.1", 0);
        await using var dealer = new DealerSocket();
        await dealer.ConnectAsync("127.0.0.1", port);

        dealer.Send([B("x")]);
        var request = await Receive(router);

        Assert.Equal(5, request[0].Length);
        Assert.Equal(0, request[0][0]);
        Assert.False(router.Send([B("nobody"), B("dropped")]));
    }

    [Fact]
    public async Task Router_SecondPeerWithAConnectedPeersIdentity_IsRefusedAndTheRouteStays()
    {
        await using var router = new RouterSocket();
        int port = router.Bind("127.0.0.1", 0);
        await using var owner = new DealerSocket(B("same"));
        await owner.ConnectAsync("127.0.0.1", port);
        owner.Send([B("1")]);
        await Receive(router);
        await using var impostor = new DealerSocket(B("same"));
        await impostor.ConnectAsync("127.0.0.1", port);
        var deadline = DateTime.UtcNow + Timeout;
        while (impostor.ConnectionCount > 0 && DateTime.UtcNow < deadline) await Task.Delay(10);

        Assert.Equal(0, impostor.ConnectionCount);   // the ROUTER closed it
        Assert.Equal(1, router.ConnectionCount);
        router.Send([B("same"), B("to the owner")]);
        Assert.Equal("to the owner", System.Text.Encoding.UTF8.GetString((await Receive(owner))[0]));
        Assert.False(impostor.TryReceive(out _));
    }

    [Fact]
    public async Task Router_IdentityOfAPeerThatLeft_IsFreeAgain()
    {
        await using var router = new RouterSocket();
        int port = router.Bind("127.0.0.1", 0);
        var first = new DealerSocket(B("again"));
        await first.ConnectAsync("127.0.0.1", port);
        first.Send([B("1")]);
        await Receive(router);
        await first.DisposeAsync();
        var deadline = DateTime.UtcNow + Timeout;
        while (router.ConnectionCount > 0 && DateTime.UtcNow < deadline) await Task.Delay(10);

        await using var second = new DealerSocket(B("again"));
        await second.ConnectAsync("127.0.0.1", port);
        second.Send([B("2")]);
        await Receive(router);
        Assert.True(router.Send([B("again"), B("welcome back")]));
        Assert.Equal("welcome back", System.Text.Encoding.UTF8.GetString((await Receive(second))[0]));
    }

    [Fact]
    public async Task Rep_echoes_with_the_envelope_for_heartbeats()
    {
        await using var rep = RepSocket.Echo();
        int port = rep.Bind("127.0.0.1", 0);
        await using var req = new ReqSocket();
        await req.ConnectAsync("127.0.0.1", port);

        req.Send([B("ping"), new byte[1000]]);
        var echo = await Receive(req);

        Assert.Equal("ping", System.Text.Encoding.UTF8.GetString(echo[0]));
        Assert.Equal(1000, echo[1].Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pub_filters_by_prefix_for_zmtp30_and_zmtp31_subscriptions(bool asCommand)
    {
        await using var pub = new PubSocket();
        int port = pub.Bind("127.0.0.1", 0);
        await using var sub = new SubSocket();
        await sub.ConnectAsync("127.0.0.1", port);
        await pub.FirstPeerConnected.WaitAsync(Timeout);

        Assert.Equal(0, pub.Send([B("stream.stdout"), B("before subscribing")]));
        sub.Subscribe(B("kernel."), asCommand);
        Assert.True(await pub.WaitForSubscriberAsync(Timeout));

        pub.Send([B("stream.stdout"), B("filtered out")]);
        pub.Send([B("kernel.abc.status"), B("delivered")]);
        var message = await Receive(sub);

        Assert.Equal("delivered", System.Text.Encoding.UTF8.GetString(message[1]));
        Assert.False(sub.TryReceive(out _));
    }

    [Fact]
    public async Task Cancel_removes_one_subscription()
    {
        await using var pub = new PubSocket();
        int port = pub.Bind("127.0.0.1", 0);
        await using var sub = new SubSocket();
        await sub.ConnectAsync("127.0.0.1", port);
        await pub.FirstPeerConnected.WaitAsync(Timeout);
        sub.Subscribe([]);
        await pub.WaitForSubscriberAsync(Timeout);

        sub.Unsubscribe([], asCommand: true);
        var deadline = DateTime.UtcNow + Timeout;
        while (pub.SubscriberCount > 0 && DateTime.UtcNow < deadline) await Task.Delay(10);

        Assert.Equal(0, pub.Send([B("anything")]));
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_carrying_the_context()
    {
        await using var router = new RouterSocket();
        int port = router.Bind("127.0.0.1", 0);
        using var raw = await RawPeer.ConnectAsync(port, "DEALER");

        await raw.WriteAsync(FrameCodec.EncodeCommand(new ZmtpCommand(ZmtpCommand.Ping, [0, 0, (byte)'h', (byte)'b'])));
        var frame = await raw.ReadFrameAsync();

        Assert.True(frame.IsCommand);
        var pong = ZmtpCommand.Parse(frame.Body);
        Assert.Equal("PONG", pong.Name);
        Assert.Equal("hb"u8.ToArray(), pong.Data);
    }

    [Fact]
    public async Task Incompatible_socket_types_are_refused_with_an_error_command()
    {
        await using var router = new RouterSocket();
        int port = router.Bind("127.0.0.1", 0);
        using var raw = await RawPeer.ConnectAsync(port, "PUB");

        var frame = await raw.ReadFrameAsync();

        Assert.Equal("ERROR", ZmtpCommand.Parse(frame.Body).Name);
        Assert.Equal(0, router.ConnectionCount);
    }
}
