namespace NotebookDL;

public static partial class torch
{
    /// <summary>
    /// A seeded pseudo-random source (xoshiro256**). Every random op — init, dropout, shuffling,
    /// augmentation — draws from <see cref="Default"/> unless given its own, so one manual_seed
    /// makes a whole run reproducible. The sequence is NotebookDL's own; it does not match PyTorch's.
    /// </summary>
    public sealed class Generator
    {
        private ulong s0, s1, s2, s3;
        private double? spareNormal;

        public Generator(long seed = 0) => manual_seed(seed);

        internal static Generator Default { get; } = new(0);

        public long initial_seed { get; private set; }

        public Generator manual_seed(long seed)
        {
            initial_seed = seed;
            var x = (ulong)seed;
            s0 = SplitMix(ref x); s1 = SplitMix(ref x); s2 = SplitMix(ref x); s3 = SplitMix(ref x);
            spareNormal = null;
            return this;
        }

        private static ulong SplitMix(ref ulong x)
        {
            var z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        internal ulong NextUInt64()
        {
            var result = ulong.RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
            s2 ^= t;
            s3 = ulong.RotateLeft(s3, 45);
            return result;
        }

        /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
        internal double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>Uniform float in [0, 1); 24 bits so the result can never round up to 1.</summary>
        internal float NextFloat() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

        /// <summary>Uniform integer in [0, bound) without modulo bias.</summary>
        internal long NextLong(long bound)
        {
            if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound));
            var limit = ulong.MaxValue - ulong.MaxValue % (ulong)bound;
            ulong r;
            do r = NextUInt64(); while (r >= limit);
            return (long)(r % (ulong)bound);
        }

        /// <summary>Standard normal by the Box–Muller transform, using both values of each pair.</summary>
        internal double NextNormal()
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
    }

    /// <summary>Seeds the default generator, making every later random op reproducible.</summary>
    public static Generator manual_seed(long seed) => Generator.Default.manual_seed(seed);

    public static long initial_seed() => Generator.Default.initial_seed;

    public static class random
    {
        public static Generator manual_seed(long seed) => torch.manual_seed(seed);
    }
}
