namespace NotebookDL;

/// <summary>
/// The random numbers a synthetic dataset draws: uniform doubles, standard normals and permutations. Each engine's
/// EngineAdapter.RandomStream makes one, seeded by random_state or, without it, from the engine's default generator,
/// so torch.manual_seed makes the data reproducible on either engine.
/// </summary>
internal abstract class RandomStream
{
    /// <summary>Uniform in [0, 1).</summary>
    public abstract double NextDouble();

    /// <summary>Standard normal.</summary>
    public abstract double NextNormal();

    /// <summary>A random order of 0 … n − 1.</summary>
    public abstract long[] Permutation(int n);
}
