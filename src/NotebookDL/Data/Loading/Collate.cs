namespace NotebookDL;

/// <summary>The default collate functions: stack each field of the samples along a new batch dim.</summary>
internal static class Collate
{
    public static Dictionary<string, Tensor> Dictionaries(IEnumerable<Dictionary<string, Tensor>> samples, torch.Device device)
    {
        var list = samples as IList<Dictionary<string, Tensor>> ?? samples.ToList();
        if (list.Count == 0) throw new ArgumentException("DataLoader: cannot collate an empty list of samples.");
        var batch = new Dictionary<string, Tensor>();
        foreach (var key in list[0].Keys)
        {
            var parts = new Tensor[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                if (!list[i].TryGetValue(key, out var t))
                    throw new ArgumentException(
                        $"DataLoader: sample 0 of the batch has key '{key}' but sample {i} does not (its keys: {string.Join(", ", list[i].Keys)}); every sample must have the same keys.");
                parts[i] = t;
            }
            batch[key] = Stack(parts, $"key '{key}'").to(device);
        }
        return batch;
    }

    public static IList<Tensor> Lists(IEnumerable<IList<Tensor>> samples, torch.Device device)
    {
        var list = samples as IList<IList<Tensor>> ?? samples.ToList();
        if (list.Count == 0) throw new ArgumentException("DataLoader: cannot collate an empty list of samples.");
        var fields = list[0].Count;
        var batch = new List<Tensor>(fields);
        for (int f = 0; f < fields; f++)
        {
            var parts = new Tensor[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                if (list[i].Count != fields)
                    throw new ArgumentException(
                        $"DataLoader: sample 0 of the batch has {fields} tensors but sample {i} has {list[i].Count}; every sample must have the same number of tensors.");
                parts[i] = list[i][f];
            }
            batch.Add(Stack(parts, $"tensor {f}").to(device));
        }
        return batch;
    }

    private static Tensor Stack(Tensor[] parts, string field)
    {
        for (int i = 1; i < parts.Length; i++)
            if (!Shapes.SameShape(parts[i].Shape, parts[0].Shape))
                throw new ArgumentException(
                    $"DataLoader: cannot stack {field} into a batch: sample 0 has shape {Shapes.Format(parts[0].Shape)} but sample {i} has {Shapes.Format(parts[i].Shape)}. " +
                    "Make every sample the same shape (e.g. with a transform) or pass your own collate_fn.");
        return torch.stack(parts);
    }
}
