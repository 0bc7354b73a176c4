using System.Collections.Concurrent;

namespace NotebookDL.Kernel.Diagnostics;

/// <summary>
/// Warnings a peer can trigger at will (dropped messages, failed handshakes, refused connections): one line per kind
/// per <see cref="Interval"/>, and the next line says how many were left out. Without the limit, anyone who can reach a
/// port turns a few bytes into a log line each and fills the disk or the front end's log pane.
/// </summary>
public sealed class RateLimitedLog(Action<string> write, Func<DateTime>? clock = null)
{
    public static readonly RateLimitedLog Warnings = new(Log.Warn);

    private readonly Func<DateTime> now = clock ?? (() => DateTime.UtcNow);
    private readonly ConcurrentDictionary<string, Entry> entries = new();

    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Writes <paramref name="message"/> unless a line of this <paramref name="kind"/> went out within the interval.</summary>
    public void Write(string kind, string message)
    {
        var entry = entries.GetOrAdd(kind, _ => new Entry());
        int suppressed;
        lock (entry)
        {
            var time = now();
            if (entry.Last is { } last && time - last < Interval)
            {
                entry.Suppressed++;
                return;
            }
            entry.Last = time;
            suppressed = entry.Suppressed;
            entry.Suppressed = 0;
        }
        write(suppressed == 0 ? message : $"{message} ({suppressed} more like this in the last {Interval.TotalSeconds:0} s were not logged)");
    }

    private sealed class Entry
    {
        public DateTime? Last;
        public int Suppressed;
    }
}
