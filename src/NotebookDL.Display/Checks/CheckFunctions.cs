namespace NotebookDL.Display;

public static partial class Notebook
{
    /// <summary>
    /// Checks a computed number against the book's value: returns a ✓ line to display when
    /// |actual − book| ≤ <paramref name="tolerance"/>, throws <see cref="BookCheckFailedException"/> (the ✗ line) otherwise.
    /// Use a tolerance that matches the digits the book prints (0.005 for "1.20").
    /// </summary>
    public static BookCheck expect(double actual, double book, double tolerance = 1e-6, string? label = null) =>
        Enforce(new BookCheck(label ?? "value", [actual], [book], tolerance));

    /// <summary>Checks an exact count (parameters, shapes, sizes).</summary>
    public static BookCheck expect(long actual, long book, string? label = null) =>
        Enforce(new BookCheck(label ?? "count", [actual], [book], 0));

    /// <summary>Checks values element by element; the line reports the largest deviation.</summary>
    public static BookCheck expect(IEnumerable<double> actual, IEnumerable<double> book, double tolerance = 1e-6, string? label = null)
    {
        var a = actual.ToArray();
        var e = book.ToArray();
        var check = new BookCheck(label ?? "values", a, e, tolerance);
        if (a.Length != e.Length)
            throw new BookCheckFailedException(check with { Label = $"{check.Label} (got {a.Length} values, the book has {e.Length})" });
        return Enforce(check);
    }

    /// <summary>Checks an array's values; spelled out because TorchSharp also converts a double[] to a Tensor implicitly.</summary>
    public static BookCheck expect(double[] actual, IEnumerable<double> book, double tolerance = 1e-6, string? label = null) =>
        expect((IEnumerable<double>)actual, book, tolerance, label);

    /// <summary>Checks a tensor's values (any shape, read in row-major order) against the book's.</summary>
    public static BookCheck expect(Tensor actual, IEnumerable<double> book, double tolerance = 1e-6, string? label = null) =>
        expect(Values(actual.reshape(-1), nameof(actual)), book, tolerance, label);

    /// <summary>Checks a one-element tensor against the book's value.</summary>
    public static BookCheck expect(Tensor actual, double book, double tolerance = 1e-6, string? label = null) =>
        expect(Values(actual.reshape(-1), nameof(actual)), [book], tolerance, label);

    /// <summary>Checks a shape (e.g. <c>expect(x.shape, [32, 10])</c>).</summary>
    public static BookCheck expect(long[] actual, long[] book, string? label = null) =>
        expect(actual.Select(v => (double)v), book.Select(v => (double)v), 0, label ?? "shape");

    /// <summary>Checks that a result reaches a bound the book sets (an accuracy of at least 0.98, say).</summary>
    public static BookCheck expect_at_least(double actual, double minimum, string? label = null) =>
        Enforce(new BookCheck(label ?? "value", [actual], [minimum], 0, CheckKind.AtLeast));

    /// <summary>Checks that a result stays below a bound (a loss of at most 0.1, say).</summary>
    public static BookCheck expect_at_most(double actual, double maximum, string? label = null) =>
        Enforce(new BookCheck(label ?? "value", [actual], [maximum], 0, CheckKind.AtMost));

    /// <summary>Checks a claim the book makes that is not a number ("XOR has no separating line").</summary>
    public static BookCheck expect_true(bool condition, string label) =>
        Enforce(new BookCheck(label, [condition ? 1 : 0], [1], 0, CheckKind.Claim));

    /// <summary>
    /// Checks a value against a computed reference rather than a printed one (autograd against the hand-derived
    /// gradient, say); shown as "reference …" with the reference rounded like the value.
    /// </summary>
    public static BookCheck expect_close(double actual, double reference, double tolerance = 1e-6, string? label = null) =>
        Enforce(new BookCheck(label ?? "value", [actual], [reference], tolerance) { Source = "reference" });

    /// <summary>Checks two tensors of the same number of elements against each other, element by element.</summary>
    public static BookCheck expect_close(Tensor actual, Tensor reference, double tolerance = 1e-6, string? label = null)
    {
        var check = new BookCheck(label ?? "values", Values(actual.reshape(-1), nameof(actual)), Values(reference.reshape(-1), nameof(reference)), tolerance) { Source = "reference" };
        if (check.Actual.Count != check.Expected.Count)
            throw new BookCheckFailedException(check with { Label = $"{check.Label} (got {check.Actual.Count} values, the reference has {check.Expected.Count})" });
        return Enforce(check);
    }

    /// <summary>Shows several checks as one block; each has already passed (a failing one throws when made).</summary>
    public static CheckList checks(string? title, params BookCheck[] items) => new(title, items);

    private static BookCheck Enforce(BookCheck check) => check.Passed ? check : throw new BookCheckFailedException(check);
}
