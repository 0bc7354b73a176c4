namespace NotebookDL.Display.Tests;

/// <summary>
/// Tests that reseed torch's global generator and expect the same draws back; run alone, because any test
/// building a model in parallel draws initial weights between the seed and the draw.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededCollection
{
    public const string Name = "Display seeded generator";
}
