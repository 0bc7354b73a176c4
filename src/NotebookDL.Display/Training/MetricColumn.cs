namespace NotebookDL.Display;

/// <summary>One metric's value per epoch, e.g. "val_loss".</summary>
public sealed record MetricColumn(string Name, IReadOnlyList<double> Values);
