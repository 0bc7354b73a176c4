namespace NotebookDL.Training;

/// <summary>
/// Lets fit and evaluate draw from a torch DataLoader: batches are Dictionary ("data", "label") for
/// datasets, or lists (input, target) for TensorDataset, as TorchSharp yields them.
/// </summary>
internal sealed class LoaderBatches<T, S>(Modules.DataLoader<T, S> loader, string op) : IBatchSource
{
    public long sample_count => loader.dataset.Count;

    public int batch_count => (int)loader.Count;

    public IEnumerable<(Tensor x, Tensor y)> Batches()
    {
        foreach (var batch in loader) yield return Split(batch);
    }

    private (Tensor x, Tensor y) Split(S batch) => batch switch
    {
        Dictionary<string, Tensor> d when d.ContainsKey("data") && d.ContainsKey("label") => (d["data"], d["label"]),
        IList<Tensor> l when l.Count >= 2 => (l[0], l[1]),
        _ => throw new ArgumentException(
            $"{op}: a DataLoader batch must be a dictionary with \"data\" and \"label\" or a list (input, target), but got {batch?.GetType().Name ?? "null"}."),
    };
}
