namespace NotebookDL;

/// <summary>
/// A dataset that can build a whole batch in one pass (one buffer per batch, rows copied straight from its
/// backing arrays) instead of materializing every sample and stacking them. The DataLoader uses it when
/// it batches with its default collate function.
/// </summary>
internal interface IBatchSource<out S>
{
    /// <summary>The batch of the given samples, in order; indices are already checked to be in range.</summary>
    S GetBatch(ReadOnlySpan<long> indices);
}
