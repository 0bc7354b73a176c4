namespace NotebookDL;

public static partial class torch
{
    /// <summary>
    /// A seeded pseudo-random source (xoshiro256**, <see cref="Xoshiro256"/>). Every random op — init, dropout, shuffling,
    /// augmentation — draws from <see cref="Default"/> unless given its own, so one manual_seed
    /// makes a whole run reproducible. The sequence is NotebookDL's own; it does not match PyTorch's.
    /// </summary>
    public sealed class Generator
    {
        private readonly Xoshiro256 stream;

        public Generator(long seed = 0)
        {
            stream = new Xoshiro256(seed);
            initial_seed = seed;
        }

        internal static Generator Default { get; } = new(0);

        public long initial_seed { get; private set; }

        public Generator manual_seed(long seed)
        {
            initial_seed = seed;
            stream.Reseed(seed);
            return this;
        }

        internal ulong NextUInt64() => stream.NextUInt64();

        /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
        internal double NextDouble() => stream.NextDouble();

        /// <summary>Uniform float in [0, 1); 24 bits so the result can never round up to 1.</summary>
        internal float NextFloat() => stream.NextFloat();

        /// <summary>Uniform integer in [0, bound) without modulo bias.</summary>
        internal long NextLong(long bound) => stream.NextLong(bound);

        /// <summary>Standard normal by the Box–Muller transform, using both values of each pair.</summary>
        internal double NextNormal() => stream.NextNormal();

        /// <summary>The underlying stream, for code that draws from this generator's sequence directly (synthetic datasets).</summary>
        internal Xoshiro256 Stream => stream;
    }

    /// <summary>Seeds the default generator, making every later random op reproducible.</summary>
    public static Generator manual_seed(long seed) => Generator.Default.manual_seed(seed);

    public static long initial_seed() => Generator.Default.initial_seed;

    public static class random
    {
        public static Generator manual_seed(long seed) => torch.manual_seed(seed);
    }
}
