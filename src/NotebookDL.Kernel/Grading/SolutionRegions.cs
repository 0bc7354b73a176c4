namespace NotebookDL.Kernel.Grading;

/// <summary>
/// nbgrader's delimited regions: a line containing "BEGIN SOLUTION" up to one containing "END SOLUTION" is the
/// instructor's answer (so "### BEGIN SOLUTION" and "// ### BEGIN SOLUTION" both work), and "BEGIN HIDDEN TESTS" /
/// "END HIDDEN TESTS" enclose tests students never see. The delimiter lines go with the region.
/// </summary>
public static class SolutionRegions
{
    public const string BeginSolution = "BEGIN SOLUTION";
    public const string EndSolution = "END SOLUTION";
    public const string BeginHiddenTests = "BEGIN HIDDEN TESTS";
    public const string EndHiddenTests = "END HIDDEN TESTS";

    /// <summary>What replaces a code answer; the kernelspec language "C#" is the key for nbgrader's ClearSolutions.code_stub.</summary>
    public const string CodeStub = "// YOUR CODE HERE\nthrow new NotImplementedException();";

    /// <summary>What replaces a written answer (nbgrader's ClearSolutions.text_stub).</summary>
    public const string TextStub = "YOUR ANSWER HERE";

    /// <summary>Replaces each solution region with the stub, indented like its BEGIN line; null when the source has none.</summary>
    public static string? ReplaceSolutions(string source, string stub) =>
        Rewrite(source, BeginSolution, EndSolution, indent => stub.Split('\n').Select(line => indent + line));

    /// <summary>Removes each hidden-tests region; null when the source has none.</summary>
    public static string? RemoveHiddenTests(string source) =>
        Rewrite(source, BeginHiddenTests, EndHiddenTests, _ => []);

    /// <summary>Line by line as nbgrader does (split on '\n', joined back with '\n'); a region must end and must not nest.</summary>
    private static string? Rewrite(string source, string begin, string end, Func<string, IEnumerable<string>> replacement)
    {
        var kept = new List<string>();
        bool inside = false, found = false;
        foreach (var line in source.Split('\n'))
        {
            if (line.Contains(begin, StringComparison.Ordinal))
            {
                if (inside) throw new InvalidDataException($"a '{begin}' region starts inside another one (nested regions are not allowed)");
                inside = found = true;
                kept.AddRange(replacement(line[..(line.Length - line.TrimStart().Length)]));
            }
            else if (line.Contains(end, StringComparison.Ordinal))
            {
                inside = false;
            }
            else if (!inside)
            {
                kept.Add(line);
            }
        }
        if (inside) throw new InvalidDataException($"a '{begin}' region has no '{end}' line");
        return found ? string.Join('\n', kept) : null;
    }
}
