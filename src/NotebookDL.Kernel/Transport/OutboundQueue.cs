namespace NotebookDL.Kernel.Transport;

/// <summary>
/// Encoded messages waiting for one peer, bounded in count and octets. When full, a message marked droppable (display
/// and stream output) makes room by dropping the oldest droppable ones; any other message (status, error, replies) is
/// refused only when the queue holds nothing droppable and is twice over its bounds. So a cell's error and its final
/// idle status reach a slow front end after a flood of outputs, and the count of what was dropped can be reported.
/// </summary>
public sealed class OutboundQueue(int highWaterMark, long maxBytes)
{
    private readonly LinkedList<(byte[] Bytes, bool Droppable)> items = new();
    private readonly SemaphoreSlim available = new(0);
    private long bytes;
    private int dropped;
    private bool completed;

    public int Count
    {
        get { lock (items) return items.Count; }
    }

    /// <summary>Queues <paramref name="encoded"/>; false when it was refused (the queue is full or completed).</summary>
    public bool TryEnqueue(byte[] encoded, bool droppable)
    {
        lock (items)
        {
            if (completed) return false;
            while (Full(encoded.Length, 1) && RemoveOldestDroppable()) { }
            if (Full(encoded.Length, droppable ? 1 : 2))
            {
                dropped++;
                return false;
            }
            items.AddLast((encoded, droppable));
            bytes += encoded.Length;
        }
        available.Release();
        return true;
    }

    /// <summary>Messages dropped since <see cref="TakeDropped"/> last ran.</summary>
    public int PendingDropped
    {
        get { lock (items) return dropped; }
    }

    /// <summary>How many messages were dropped since the last call.</summary>
    public int TakeDropped()
    {
        lock (items)
        {
            var count = dropped;
            dropped = 0;
            return count;
        }
    }

    /// <summary>Waits for a message; null once the queue is completed and empty.</summary>
    public async Task<byte[]?> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (items)
            {
                if (items.First is { } first)
                {
                    items.RemoveFirst();
                    bytes -= first.Value.Bytes.Length;
                    return first.Value.Bytes;
                }
                if (completed) return null;
            }
            await available.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Refuses further messages; what is queued can still be taken.</summary>
    public void Complete()
    {
        lock (items) completed = true;
        available.Release();
    }

    private bool Full(int incoming, int slack) =>
        items.Count >= (long)highWaterMark * slack || bytes + incoming > maxBytes * slack;

    private bool RemoveOldestDroppable()
    {
        for (var node = items.First; node is not null; node = node.Next)
        {
            if (!node.Value.Droppable) continue;
            items.Remove(node);
            bytes -= node.Value.Bytes.Length;
            dropped++;
            return true;
        }
        return false;
    }
}
