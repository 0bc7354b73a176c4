namespace NotebookDL.Tests.Optim;

/// <summary>Tolerance comparisons in numpy.allclose's form.</summary>
internal static class Close
{
    /// <summary>|actual − expected| ≤ atol + rtol·|expected| element-wise, naming the first offender.</summary>
    public static void All(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double rtol, double atol, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            var diff = Math.Abs((double)actual[i] - expected[i]);
            if (!(diff <= atol + rtol * Math.Abs((double)expected[i])))
                Assert.Fail($"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (|diff| = {diff:E3})");
        }
    }

    public static void Scalar(double expected, double actual, double rtol, double atol, string what)
    {
        var diff = Math.Abs(actual - expected);
        if (!(diff <= atol + rtol * Math.Abs(expected)))
            Assert.Fail($"{what}: expected {expected:R}, got {actual:R} (|diff| = {diff:E3})");
    }
}
