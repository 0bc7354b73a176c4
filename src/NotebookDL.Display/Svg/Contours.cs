namespace NotebookDL.Display;

/// <summary>
/// Marching squares: the lines where a gridded surface crosses a level, in data coordinates. Saddle cells
/// are resolved with the cell-centre average so lines never cross. Crossings are identified by grid edge,
/// so neighbouring cells share exact points and the pieces join into continuous polylines (separately
/// drawn pieces would show seams where their antialiased ends overlap).
/// </summary>
internal static class Contours
{
    /// <param name="z">Values z[row, column] at (xs[column], ys[row]).</param>
    public static List<List<(double x, double y)>> Lines(double[,] z, IReadOnlyList<double> xs, IReadOnlyList<double> ys, double level)
    {
        var (nx, ny) = (xs.Count, ys.Count);
        var points = new Dictionary<long, (double x, double y)>();
        long Horizontal(int i, int j) => 2L * (j * (long)nx + i);
        long Vertical(int i, int j) => 2L * (j * (long)nx + i) + 1;
        long Edge(long id, int i0, int j0, int i1, int j1)
        {
            if (!points.ContainsKey(id))
            {
                var (v0, v1) = (z[j0, i0], z[j1, i1]);
                var t = (level - v0) / (v1 - v0);
                points[id] = (xs[i0] + t * (xs[i1] - xs[i0]), ys[j0] + t * (ys[j1] - ys[j0]));
            }
            return id;
        }

        var segments = new List<(long a, long b)>();
        var crossed = new List<long>(4);
        for (int j = 0; j + 1 < ny; j++)
            for (int i = 0; i + 1 < nx; i++)
            {
                // corners counter-clockwise from bottom-left; edges in the order bottom, right, top, left
                var (a, b, c, d) = (z[j, i], z[j, i + 1], z[j + 1, i + 1], z[j + 1, i]);
                if (!double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(c) || !double.IsFinite(d)) continue;
                crossed.Clear();
                if (a >= level != b >= level) crossed.Add(Edge(Horizontal(i, j), i, j, i + 1, j));
                if (b >= level != c >= level) crossed.Add(Edge(Vertical(i + 1, j), i + 1, j, i + 1, j + 1));
                if (c >= level != d >= level) crossed.Add(Edge(Horizontal(i, j + 1), i, j + 1, i + 1, j + 1));
                if (d >= level != a >= level) crossed.Add(Edge(Vertical(i, j), i, j, i, j + 1));
                if (crossed.Count == 2) segments.Add((crossed[0], crossed[1]));
                else if (crossed.Count == 4)
                {
                    // centre on a's side: a and c are joined, so the lines cut off b (bottom–right) and d (top–left)
                    if ((a + b + c + d) / 4 >= level == a >= level) segments.AddRange([(crossed[0], crossed[1]), (crossed[2], crossed[3])]);
                    else segments.AddRange([(crossed[0], crossed[3]), (crossed[1], crossed[2])]);
                }
            }
        return Join(segments).Select(chain => chain.Select(id => points[id]).ToList()).ToList();
    }

    /// <summary>Chains segments that share an edge point into polylines (each edge point belongs to at most two segments).</summary>
    private static List<List<long>> Join(List<(long a, long b)> segments)
    {
        var touching = new Dictionary<long, List<int>>();
        for (int s = 0; s < segments.Count; s++)
            foreach (var p in new[] { segments[s].a, segments[s].b })
            {
                if (!touching.TryGetValue(p, out var list)) touching[p] = list = [];
                list.Add(s);
            }
        var used = new bool[segments.Count];
        var chains = new List<List<long>>();
        for (int s = 0; s < segments.Count; s++)
        {
            if (used[s]) continue;
            used[s] = true;
            var chain = new LinkedList<long>([segments[s].a, segments[s].b]);
            Extend(chain, forward: true);
            Extend(chain, forward: false);
            chains.Add([.. chain]);
        }
        return chains;

        void Extend(LinkedList<long> chain, bool forward)
        {
            while (true)
            {
                var end = forward ? chain.Last!.Value : chain.First!.Value;
                var next = touching[end].FirstOrDefault(t => !used[t], -1);
                if (next < 0) return;
                used[next] = true;
                var other = segments[next].a == end ? segments[next].b : segments[next].a;
                if (forward) chain.AddLast(other);
                else chain.AddFirst(other);
            }
        }
    }

    /// <summary>The lines as one series, pieces separated by NaN (where a line series lifts the pen).</summary>
    public static Series ToSeries(IEnumerable<List<(double x, double y)>> lines, string label, string color, double width)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var line in lines)
        {
            if (xs.Count > 0)
            {
                xs.Add(double.NaN);
                ys.Add(double.NaN);
            }
            xs.AddRange(line.Select(p => p.x));
            ys.AddRange(line.Select(p => p.y));
        }
        return new Series(label, xs, ys) { Color = color, Width = width };
    }
}
