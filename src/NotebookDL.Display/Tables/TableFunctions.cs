namespace NotebookDL.Display;

public static partial class Notebook
{
    /// <summary>
    /// A table with named columns (a pandas DataFrame's display): <c>table(["gate", "x1", "x2", "out"], rows)</c>,
    /// each row one value per column; numbers are right-aligned.
    /// </summary>
    public static Table table(IReadOnlyList<string> columns, IEnumerable<IEnumerable<object?>> rows, string? title = null) =>
        Table.From(columns, rows, title);

    /// <summary>A table of a 2-D tensor's values, with the given column names (or 0, 1, 2, …).</summary>
    public static Table table(Tensor values, IReadOnlyList<string>? columns = null, string? title = null)
    {
        if (values.dim() != 2) throw new ArgumentException($"table: expected a 2-D tensor, got shape [{string.Join(", ", values.shape)}]; reshape it first.");
        var (rows, cols) = ((int)values.shape[0], (int)values.shape[1]);
        var names = columns ?? Enumerable.Range(0, cols).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (names.Count != cols) throw new ArgumentException($"table: {names.Count} column names for a tensor with {cols} columns.");
        var data = Values(values.reshape(-1), nameof(values));
        return Table.From(names, Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, cols).Select(c => (object?)data[r * cols + c])), title);
    }
}
