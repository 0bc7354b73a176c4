namespace NotebookDL.Tests.NN;

/// <summary>
/// Tests that reseed torch's global generator and expect the same draws back; run alone, because any test
/// drawing random numbers in parallel would consume values between the seed and the draw.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededCollection
{
    public const string Name = "NN seeded generator";
}
