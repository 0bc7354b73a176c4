namespace NotebookDL;

/// <summary>
/// xoshiro256** seeded through SplitMix64: the managed engine's torch.Generator, and the seeded stream of the synthetic
/// datasets on both engines, so <c>synthetic.make_blobs(random_state: 7)</c> gives the same points on either engine.
/// The sequence is NotebookDL's own; it does not match PyTorch's.
/// </summary>
internal sealed class Xoshiro256
{
    private ulong s0, s1, s2, s3;
    private double? spareNormal;

    public Xoshiro256(long seed) => Reseed(seed);

    public void Reseed(long seed)
    {
        var x = (ulong)seed;
        s0 = SplitMix(ref x); s1 = SplitMix(ref x); s2 = SplitMix(ref x); s3 = SplitMix(ref x);
        spareNormal = null;
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform float in [0, 1); 24 bits so the result can never round up to 1.</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    /// <summary>Uniform integer in [0, bound) without modulo bias.</summary>
    public long NextLong(long bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound));
        var limit = ulong.MaxValue - ulong.MaxValue % (ulong)bound;
        ulong r;
        do r = NextUInt64(); while (r >= limit);
        return (long)(r % (ulong)bound);
    }

    /// <summary>Standard normal by the Box–Muller transform, using both values of each pair.</summary>
    public double NextNormal()
    {
        if (spareNormal is { } spare)
        {
            spareNormal = null;
            return spare;
        }
        double u1;
        do u1 = NextDouble(); while (u1 <= double.Epsilon);
        var u2 = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        spareNormal = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A random order of 0 … n − 1 (Fisher–Yates, the same draws as the managed engine's randperm).</summary>
    public long[] Permutation(long n)
    {
        var values = new long[n];
        for (long i = 0; i < n; i++) values[i] = i;
        for (long i = n - 1; i > 0; i--)
        {
            var j = NextLong(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
        return values;
    }
}
