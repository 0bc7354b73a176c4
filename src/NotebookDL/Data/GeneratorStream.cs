namespace NotebookDL;

/// <summary>The managed engine's random numbers for synthetic datasets: a torch.Generator, so its draws match the engine's ops.</summary>
internal sealed class GeneratorStream(torch.Generator generator) : RandomStream
{
    public override double NextDouble() => generator.NextDouble();

    public override double NextNormal() => generator.NextNormal();

    public override long[] Permutation(int n) => torch.randperm(n, generator).LongData;
}
