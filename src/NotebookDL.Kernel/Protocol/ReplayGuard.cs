using System.Text;

namespace NotebookDL.Kernel.Protocol;

/// <summary>
/// Remembers recent signatures so a captured, validly signed message cannot be replayed to run a cell twice
/// (jupyter_client's Session does the same). Bounded: the oldest half is forgotten when full.
/// </summary>
public sealed class ReplayGuard(int capacity = 65_536)
{
    private readonly HashSet<string> seen = [];
    private readonly Queue<string> order = new();
    private readonly object gate = new();

    /// <summary>True the first time a signature is seen; false for a replay. Empty signatures (auth off) always pass.</summary>
    public bool FirstSighting(byte[] signature)
    {
        if (signature.Length == 0) return true;
        var key = Encoding.ASCII.GetString(signature);
        lock (gate)
        {
            if (!seen.Add(key)) return false;
            order.Enqueue(key);
            if (order.Count > capacity)
                while (order.Count > capacity / 2) seen.Remove(order.Dequeue());
            return true;
        }
    }
}
