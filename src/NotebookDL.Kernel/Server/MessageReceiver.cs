using System.Threading.Channels;
using NotebookDL.Kernel.Diagnostics;
using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Server;

/// <summary>
/// Turns a ROUTER's raw messages into authenticated Jupyter messages. Anything unsigned, wrongly signed,
/// malformed or replayed is logged and dropped here, so no handler ever sees it. Each accepted message gets
/// a sequence number, which lets stop_on_error abort exactly the requests that were queued at the time.
/// </summary>
public sealed class MessageReceiver
{
    private readonly Channel<(long Sequence, JupyterMessage Message)> accepted = Channel.CreateUnbounded<(long, JupyterMessage)>();
    private long lastSequence;

    public MessageReceiver(string channelName, RouterSocket socket, WireCodec codec, ReplayGuard replayGuard, CancellationToken stop)
    {
        Pump = Task.Run(() => PumpAsync(channelName, socket, codec, replayGuard, stop));
    }

    public Task Pump { get; }

    /// <summary>The sequence number of the newest message accepted so far.</summary>
    public long LastSequence => Interlocked.Read(ref lastSequence);

    public ValueTask<(long Sequence, JupyterMessage Message)> ReceiveAsync(CancellationToken cancellationToken) =>
        accepted.Reader.ReadAsync(cancellationToken);

    /// <summary>Drops every message already received and not yet read; returns how many.</summary>
    public int DiscardPending()
    {
        var dropped = 0;
        while (accepted.Reader.TryRead(out _)) dropped++;
        return dropped;
    }

    private async Task PumpAsync(string channelName, RouterSocket socket, WireCodec codec, ReplayGuard replayGuard, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var frames = await socket.ReceiveAsync(stop).ConfigureAwait(false);
                var message = codec.Decode(frames, out var rejection);
                if (message is null)
                {
                    RateLimitedLog.Warnings.Write($"dropped-{channelName}", $"dropped a {channelName} message: {rejection}");
                    continue;
                }
                if (!replayGuard.FirstSighting(frames[frames.FindIndex(f => f.AsSpan().SequenceEqual(WireCodec.Delimiter)) + 1]))
                {
                    RateLimitedLog.Warnings.Write($"replayed-{channelName}", $"dropped a replayed {channelName} message ({message.MsgType})");
                    continue;
                }
                Log.Debug($"{channelName} <- {message.MsgType}");
                accepted.Writer.TryWrite((Interlocked.Increment(ref lastSequence), message));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            accepted.Writer.TryComplete();
        }
    }
}
