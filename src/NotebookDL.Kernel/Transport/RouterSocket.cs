using System.Collections.Concurrent;
using System.Security.Cryptography;
using NotebookDL.Kernel.Diagnostics;

namespace NotebookDL.Kernel.Transport;

/// <summary>
/// ROUTER: every received message is prefixed with the sender's routing id, and a sent message's first part
/// names the peer it goes to. Peers without an Identity get a generated one starting with a zero octet
/// (reserved for implementations by RFC 37). A peer announcing an identity that a connected peer already has is
/// refused, as libzmq's ROUTER does by default (ZMQ_ROUTER_HANDOVER off): identities are not secret (a Jupyter
/// client's is its session id, which every iopub message shows), so handing the route over would let any local
/// process take the real client's replies and input prompts.
/// </summary>
public sealed class RouterSocket(byte[]? identity = null, TransportLimits? limits = null) : ZmtpSocket(ZmtpSocketType.Router, identity, limits)
{
    private readonly ConcurrentDictionary<string, ZmtpConnection> routes = new();

    protected override bool OnAttached(ZmtpConnection connection)
    {
        connection.RoutingId = connection.PeerIdentity.Length > 0 ? connection.PeerIdentity : GenerateRoutingId();
        if (routes.TryAdd(Key(connection.RoutingId), connection)) return true;
        RateLimitedLog.Warnings.Write("duplicate-identity", $"ROUTER refused {connection.RemoteEndPoint}: a connected peer already has its identity");
        return false;
    }

    protected override void OnDetached(ZmtpConnection connection) =>
        routes.TryRemove(new KeyValuePair<string, ZmtpConnection>(Key(connection.RoutingId), connection));

    private ZmtpConnection? Route(byte[] routingId) => routes.TryGetValue(Key(routingId), out var connection) ? connection : null;

    protected override ValueTask OnMessageAsync(ZmtpConnection connection, List<byte[]> parts)
    {
        parts.Insert(0, connection.RoutingId);
        return DeliverAsync(parts);
    }

    /// <summary>Sends parts[1..] to the peer named by parts[0]; unknown peers are dropped silently, as libzmq does.</summary>
    public bool Send(IReadOnlyList<byte[]> parts)
    {
        if (parts.Count < 2) throw new ArgumentException("a ROUTER message needs a routing id and at least one part", nameof(parts));
        return Route(parts[0]) is { } connection && connection.SendMessage(parts.Skip(1).ToArray());
    }

    public bool HasPeer(byte[] routingId) => Route(routingId) is not null;

    private static string Key(byte[] id) => Convert.ToHexString(id);

    private static byte[] GenerateRoutingId()
    {
        var id = new byte[5];
        RandomNumberGenerator.Fill(id.AsSpan(1));
        return id;
    }
}
