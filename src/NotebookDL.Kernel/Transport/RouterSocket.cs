using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace NotebookDL.Kernel.Transport;

/// <summary>
/// ROUTER: every received message is prefixed with the sender's routing id, and a sent message's first part
/// names the peer it goes to. Peers without an Identity get a generated one starting with a zero octet
/// (reserved for implementations by RFC 37). A reconnecting peer with the same identity takes over its route.
/// </summary>
public sealed class RouterSocket(byte[]? identity = null) : ZmtpSocket(ZmtpSocketType.Router, identity)
{
    private readonly ConcurrentDictionary<string, ZmtpConnection> routes = new();

    protected override void OnAttached(ZmtpConnection connection)
    {
        connection.RoutingId = connection.PeerIdentity.Length > 0 ? connection.PeerIdentity : GenerateRoutingId();
        routes[Key(connection.RoutingId)] = connection;
    }

    protected override void OnDetached(ZmtpConnection connection) =>
        routes.TryRemove(new KeyValuePair<string, ZmtpConnection>(Key(connection.RoutingId), connection));

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
        if (!routes.TryGetValue(Key(parts[0]), out var connection)) return false;
        return connection.SendMessage(parts.Skip(1).ToArray());
    }

    public bool HasPeer(byte[] routingId) => routes.ContainsKey(Key(routingId));

    private static string Key(byte[] id) => Convert.ToHexString(id);

    private static byte[] GenerateRoutingId()
    {
        var id = new byte[5];
        RandomNumberGenerator.Fill(id.AsSpan(1));
        return id;
    }
}
