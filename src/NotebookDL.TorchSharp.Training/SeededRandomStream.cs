namespace NotebookDL;

/// <summary>
/// TorchSharp's random numbers for synthetic datasets: a .NET generator seeded by random_state or, without one, by a
/// draw from libtorch's default generator, so torch.manual_seed makes the data reproducible. Drawing one double at a
/// time from libtorch would cost a native call each.
/// </summary>
internal sealed class SeededRandomStream(long seed) : RandomStream
{
    private readonly Random random = new(unchecked((int)seed ^ (int)(seed >> 32)));
    private double? spareNormal;

    public override double NextDouble() => random.NextDouble();

    /// <summary>Box–Muller, both values of each pair used.</summary>
    public override double NextNormal()
    {
        if (spareNormal is { } spare)
        {
            spareNormal = null;
            return spare;
        }
        double u1;
        do u1 = random.NextDouble(); while (u1 <= double.Epsilon);
        var u2 = random.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        spareNormal = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Fisher–Yates.</summary>
    public override long[] Permutation(int n)
    {
        var order = new long[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
