using System.Runtime.CompilerServices;

namespace NotebookDL.Modules;

/// <summary>
/// Runs its layers one after another, each on the previous one's output. Layers are registered as
/// submodules named "0", "1", … (or the names given), which is where state_dict keys like "0.weight" come from.
/// </summary>
public class Sequential : torch.nn.Module<Tensor, Tensor>
{
    private readonly List<torch.nn.IModule<Tensor, Tensor>> layers = [];

    protected internal Sequential(params (string name, torch.nn.Module<Tensor, Tensor> submodule)[] modules) : base(nameof(Sequential))
    {
        foreach (var (n, m) in modules) Add(n, m);
    }

    protected internal Sequential(params torch.nn.Module<Tensor, Tensor>[] modules) : base(nameof(Sequential))
    {
        foreach (var m in modules) Add(layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), m);
    }

    public Sequential append(string name, torch.nn.IModule<Tensor, Tensor> module)
    {
        Add(name, module);
        return this;
    }

    public Sequential append(torch.nn.IModule<Tensor, Tensor> module) =>
        append(layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);

    private void Add(string name, torch.nn.IModule<Tensor, Tensor> module)
    {
        if (module is not torch.nn.Module m)
            throw new ArgumentException($"Sequential: '{name}' is a {module?.GetType().Name ?? "null"}, not a torch.nn.Module.");
        register_module(name, m);
        layers.Add(module);
    }

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var layer in layers) x = layer.call(x);
        return x;
    }

    public int Count => layers.Count;

    [IndexerName("SequentialItems")]
    public torch.nn.IModule<Tensor, Tensor> this[int index] => layers[index];

    /// <summary>The layers from start up to (not including) end, as a new Sequential sharing the same layer objects.</summary>
    [IndexerName("SequentialItems")]
    public Sequential this[(int? start, int? end) index] => Slice(index.start ?? 0, index.end ?? layers.Count);

    [IndexerName("SequentialItems")]
    public Sequential this[Range index]
    {
        get
        {
            var (start, length) = index.GetOffsetAndLength(layers.Count);
            return Slice(start, start + length);
        }
    }

    private Sequential Slice(int start, int end)
    {
        if (start < 0 || start > layers.Count) throw new IndexOutOfRangeException($"{start} is not a valid index for a Sequential of {layers.Count} layers.");
        if (end < start || end > layers.Count) throw new IndexOutOfRangeException($"{end} is not a valid end index for a Sequential of {layers.Count} layers.");
        var names = named_children().Select(c => c.name).ToList();
        var result = new Sequential(Array.Empty<torch.nn.Module<Tensor, Tensor>>());
        for (var i = start; i < end; i++) result.Add(names[i], layers[i]);
        return result;
    }
}
