using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace NotebookDL.Kernel.Transport;

/// <summary>
/// ROUTER: every received message is prefixed with the sender's routing id, and a sent message's first part
/// names the peer it goes to. Peers without an Identity get a generated one starting with a zero octet
/// (reserved for implementations by RFC 37). A reconnecting peer with the same identity takes over its route
/// (a client reconnecting before its old connection is known dead must not be locked out); if the newer
/// connection goes away, the route falls back to the older one.
/// </summary>
public sealed class RouterSocket(byte[]? identity = null) : ZmtpSocket(ZmtpSocketType.Router, identity)
{
    private readonly ConcurrentDictionary<string, List<ZmtpConnection>> routes = new();

    protected override void OnAttached(ZmtpConnection connection)
    {
        connection.RoutingId = connection.PeerIdentity.Length > 0 ? connection.PeerIdentity : GenerateRoutingId();
        var list = routes.GetOrAdd(Key(connection.RoutingId), _ => []);
        lock (list) list.Add(connection);
    }

    protected override void OnDetached(ZmtpConnection connection)
    {
        if (routes.TryGetValue(Key(connection.RoutingId), out var list))
            lock (list) list.Remove(connection);
    }

    private ZmtpConnection? Route(byte[] routingId)
    {
        if (!routes.TryGetValue(Key(routingId), out var list)) return null;
        lock (list) return list.Count > 0 ? list[^1] : null;
    }

    protected override ValueTask OnMessageAsync(ZmtpConnection connection, List<byte[]> parts)
    {
        parts.Insert(0, connection.RoutingId);
        Deliver(parts);
        return ValueTask.CompletedTask;
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
