using System.Collections;

namespace NotebookDL;

/// <summary>0, 1, ..., count-1 on every pass.</summary>
internal sealed class SequentialSampler(long count) : IEnumerable<long>
{
    public IEnumerator<long> GetEnumerator()
    {
        for (long i = 0; i < count; i++) yield return i;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A fresh random permutation on every pass (epoch). With a seed the sampler owns its generator, so a run is
/// reproducible while epochs still differ; without one it draws from torch's default generator when the pass
/// starts, so torch.manual_seed controls it.
/// </summary>
internal sealed class ShuffleSampler(long count, int? seed) : IEnumerable<long>
{
    private readonly torch.Generator? own = seed is { } s ? new torch.Generator(s) : null;

    public IEnumerator<long> GetEnumerator()
    {
        var order = torch.randperm(count, own ?? torch.Generator.Default).LongData;
        return ((IEnumerable<long>)order).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
