using System.Collections;
using System.Globalization;

namespace NotebookDL.Modules;

/// <summary>
/// A list of submodules that are registered as "0", "1", … so their parameters are found, saved and trained;
/// unlike Sequential it has no forward — the owning module decides how to call them.
/// </summary>
public class ModuleList<T> : torch.nn.Module, IList<T> where T : torch.nn.Module
{
    private readonly List<T> items = [];

    public ModuleList(params T[] modules) : base(nameof(ModuleList<T>))
    {
        name = "ModuleList";
        extend(modules);
    }

    /// <summary>Names follow list positions, so any insert or removal re-registers everything.</summary>
    private void Reregister()
    {
        ClearModules();
        for (int i = 0; i < items.Count; i++) register_module(i.ToString(CultureInfo.InvariantCulture), items[i]);
    }

    public T this[int index]
    {
        get => items[index];
        set
        {
            items[index] = value;
            Reregister();
        }
    }

    public int Count => items.Count;

    public bool IsReadOnly => false;

    public void Add(T item)
    {
        items.Add(item);
        register_module((items.Count - 1).ToString(CultureInfo.InvariantCulture), item);
    }

    public void append(params T[] modules) => extend(modules);

    public void extend(IEnumerable<T> modules)
    {
        foreach (var m in modules) Add(m);
    }

    public void Clear()
    {
        items.Clear();
        ClearModules();
    }

    public bool Contains(T item) => items.Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => items.CopyTo(array, arrayIndex);

    public int IndexOf(T item) => items.IndexOf(item);

    public void Insert(int index, T item)
    {
        items.Insert(index, item);
        Reregister();
    }

    public bool Remove(T item)
    {
        if (!items.Remove(item)) return false;
        Reregister();
        return true;
    }

    public void RemoveAt(int index)
    {
        items.RemoveAt(index);
        Reregister();
    }

    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
