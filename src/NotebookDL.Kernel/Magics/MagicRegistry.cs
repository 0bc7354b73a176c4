namespace NotebookDL.Kernel.Magics;

/// <summary>The magics a kernel knows, by name. <see cref="CreateDefault"/> has the built-in set.</summary>
public sealed class MagicRegistry
{
    private readonly SortedDictionary<string, Magic> magics = new(StringComparer.Ordinal);

    public IEnumerable<Magic> All => magics.Values;

    public MagicRegistry Register(Magic magic)
    {
        magics[magic.Name] = magic;
        return this;
    }

    public bool TryGet(string name, out Magic magic) => magics.TryGetValue(name, out magic!);

    public static MagicRegistry CreateDefault() => new MagicRegistry()
        .Register(new LsMagic())
        .Register(new TimeMagic())
        .Register(new WhoMagic())
        .Register(new WhosMagic())
        .Register(new SeedMagic())
        .Register(new ThreadsMagic())
        .Register(new AboutMagic())
        .Register(new EngineMagic())
        .Register(new SummaryMagic())
        .Register(new PlotHistoryMagic())
        .RegisterLanguages();
}
