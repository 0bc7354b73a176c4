using System.Collections.Concurrent;
using NotebookDL.Kernel.Diagnostics;

namespace NotebookDL.Kernel.Transport;

/// <summary>
/// PUB: filters at the publisher by prefix-matching the first part against each subscriber's subscriptions.
/// Subscriptions arrive as ZMTP 3.0 messages (0x01 subscribe / 0x00 cancel prefix) or ZMTP 3.1 SUBSCRIBE/CANCEL
/// commands. A subscriber that stops reading has messages dropped at the high-water mark instead of stalling
/// the kernel, as libzmq's PUB does; unlike libzmq's, only messages sent as droppable go, oldest first (see
/// <see cref="OutboundQueue"/>), and <see cref="DroppedNotice"/> tells the subscriber how many it missed.
/// </summary>
public sealed class PubSocket(TransportLimits? limits = null) : ZmtpSocket(ZmtpSocketType.Pub, limits: limits ?? TransportLimits.Publisher)
{
    private readonly ConcurrentDictionary<ZmtpConnection, List<byte[]>> subscriptions = new();
    private readonly SemaphoreSlim subscribed = new(0);

    /// <summary>Raised with the topic after any peer subscribes (lets a kernel greet late joiners).</summary>
    public event Action<byte[]>? Subscribed;

    /// <summary>The parts of a message saying that a subscriber missed this many droppable messages; null sends none.</summary>
    public Func<int, IReadOnlyList<byte[]>>? DroppedNotice { get; set; }

    protected override bool OnAttached(ZmtpConnection connection)
    {
        connection.DroppedNotice = count => DroppedNotice is { } notice ? FrameCodec.EncodeMessage(notice(count)) : null;
        subscriptions[connection] = [];
        return true;
    }

    protected override void OnDetached(ZmtpConnection connection) => subscriptions.TryRemove(connection, out _);

    protected override ValueTask OnMessageAsync(ZmtpConnection connection, List<byte[]> parts)
    {
        // Only subscription messages travel upstream on a PUB; anything else is ignored (RFC 29).
        var body = parts[0];
        if (parts.Count == 1 && body.Length > 0 && body[0] <= 1) Apply(connection, body[0] == 1, body[1..]);
        return ValueTask.CompletedTask;
    }

    protected override ValueTask OnCommandAsync(ZmtpConnection connection, ZmtpCommand command)
    {
        if (command.Name == ZmtpCommand.Subscribe) Apply(connection, true, command.Data);
        else if (command.Name == ZmtpCommand.Cancel) Apply(connection, false, command.Data);
        return ValueTask.CompletedTask;
    }

    /// <summary>Subscriptions one subscriber may hold: each costs memory and a prefix test on every publish.</summary>
    public const int MaxSubscriptions = 1000;

    private void Apply(ZmtpConnection connection, bool subscribe, byte[] topic)
    {
        if (!subscriptions.TryGetValue(connection, out var list)) return;
        lock (list)
        {
            if (subscribe && list.Count >= MaxSubscriptions)
            {
                RateLimitedLog.Warnings.Write("subscriptions", $"PUB peer {connection.RemoteEndPoint} asked for more than {MaxSubscriptions} subscriptions; ignored");
                return;
            }
            if (subscribe) list.Add(topic);
            else
            {
                // Subscriptions count, so one CANCEL undoes one SUBSCRIBE of the same topic.
                int index = list.FindIndex(t => t.AsSpan().SequenceEqual(topic));
                if (index >= 0) list.RemoveAt(index);
            }
        }
        if (subscribe)
        {
            subscribed.Release();
            Subscribed?.Invoke(topic);
        }
    }

    public int SubscriberCount => subscriptions.Count(s => { lock (s.Value) return s.Value.Count > 0; });

    /// <summary>Waits until some peer has subscribed (tests, and clients that race the first publish).</summary>
    public async Task<bool> WaitForSubscriberAsync(TimeSpan timeout)
    {
        if (SubscriberCount > 0) return true;
        return await subscribed.WaitAsync(timeout).ConfigureAwait(false);
    }

    /// <summary>
    /// Publishes to every subscriber whose subscription is a prefix of the first part. A <paramref name="droppable"/>
    /// message may be dropped for a subscriber that is not reading; others survive it (see <see cref="OutboundQueue"/>).
    /// </summary>
    public int Send(IReadOnlyList<byte[]> parts, bool droppable = false)
    {
        byte[]? encoded = null;
        int delivered = 0;
        foreach (var (connection, list) in subscriptions)
        {
            bool matches;
            lock (list) matches = list.Exists(topic => parts[0].AsSpan().StartsWith(topic));
            if (!matches) continue;
            encoded ??= FrameCodec.EncodeMessage(parts);
            if (connection.Enqueue(encoded, droppable)) delivered++;
        }
        return delivered;
    }
}
