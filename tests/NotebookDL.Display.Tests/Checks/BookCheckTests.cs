using NotebookDL.Display;
using static NotebookDL.Display.Notebook;
using static NotebookDL.torch;

namespace NotebookDL.Display.Tests.Checks;

public class BookCheckTests
{
    [Theory]
    [InlineData(0.25, 0.25, 1e-6, "✓ σ'(0): 0.2500000 (book 0.25, |Δ| = 0 ≤ 1e-6)")]
    [InlineData(1.2039728, 1.20, 0.005, "✓ CE: 1.2040 (book 1.2, |Δ| = 0.004 ≤ 0.005)")]
    [InlineData(0.2983711, 0.29837110, 1e-8, "✓ CE: 0.298371100 (book 0.2983711, |Δ| = 0 ≤ 1e-8)")]
    public void Expect_WithinTolerance_RendersACheckMarkLine(double actual, double book, double tolerance, string line)
    {
        var check = expect(actual, book, tolerance, line.Contains("σ'") ? "σ'(0)" : "CE");

        Assert.True(check.Passed);
        Assert.Equal(line, check.ToMimeBundle().Text);
        Assert.Contains("✓", check.ToMimeBundle()[MimeBundle.Html]);
    }

    [Fact]
    public void Expect_OutsideTolerance_ThrowsWithTheCrossLine()
    {
        var error = Assert.Throws<BookCheckFailedException>(() => expect(0.69, 1.20, 0.005, "cross-entropy"));

        Assert.Equal("✗ cross-entropy: 0.6900 (book 1.2, |Δ| = 0.51 > 0.005)", error.Message);
        Assert.False(error.Check.Passed);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Expect_NonFiniteActual_Fails(double actual) =>
        Assert.Throws<BookCheckFailedException>(() => expect(actual, 1.0, 1e-3));

    [Fact]
    public void Expect_Counts_AreExact()
    {
        Assert.Equal("✓ parameters: 139 (book 139)", expect(139L, 139L, "parameters").Line);
        var error = Assert.Throws<BookCheckFailedException>(() => expect(140L, 139L, "parameters"));
        Assert.Equal("✗ parameters: 140 (book 139, off by 1)", error.Message);
    }

    [Fact]
    public void Expect_TensorAgainstValues_ComparesElementwiseAndNamesLengthMismatches()
    {
        var check = expect(tensor(new float[] { 1, 2, 3 }), [1.0, 2.0, 3.0000001], 1e-5, "row");
        Assert.StartsWith("✓ row: [1, 2, 3] (book [1, 2, 3.0000001]", check.Line);

        var error = Assert.Throws<BookCheckFailedException>(() => expect(tensor(new float[] { 1, 2 }), [1.0, 2.0, 3.0], 1e-5, "row"));
        Assert.Contains("got 2 values, the book has 3", error.Message);
    }

    [Fact]
    public void Expect_MatrixAgainstValues_ReadsRowMajorAndShowsMinusZeroAsZero()
    {
        var check = expect(tensor(new float[] { 0, 1, 2, 3 }, [2, 2]) * -1, [0.0, -1, -2, -3], 0, "matrix");

        Assert.Equal("✓ matrix: [0, -1, -2, -3] (book [0, -1, -2, -3])", check.Line);
    }

    [Fact]
    public void Expect_Bounds_PassInsideAndFailOutside()
    {
        Assert.Equal("✓ accuracy: 0.985 (at least 0.98)", expect_at_least(0.985, 0.98, "accuracy").Line);
        Assert.Throws<BookCheckFailedException>(() => expect_at_least(0.97, 0.98, "accuracy"));
        Assert.Throws<BookCheckFailedException>(() => expect_at_most(0.2, 0.1, "loss"));
        var claim = Assert.Throws<BookCheckFailedException>(() => expect_true(false, "XOR has a separating line"));
        Assert.Equal("✗ XOR has a separating line", claim.Message);
        Assert.Equal("✓ AND is separable", expect_true(true, "AND is separable").Line);
        Assert.Contains("<b>AND is separable</b></div>", expect_true(true, "AND is separable").ToMimeBundle()[MimeBundle.Html]);
    }

    [Fact]
    public void Checks_SeveralResults_RenderOneBlockWithTitle()
    {
        var list = checks("Backprop", expect(1.0, 1.0, 0, "a"), expect(2L, 2L, "b"));

        Assert.Equal("Backprop\n✓ a: 1 (book 1)\n✓ b: 2 (book 2)", list.ToMimeBundle().Text);
        Assert.True(list.Passed);
    }

    [Fact]
    public void ExpectClose_ComputedReference_IsNamedAReferenceAndRounded()
    {
        var check = expect_close(0.0259228584, 0.025922858123456, 1e-8, "∂E/∂W5");
        Assert.Equal("✓ ∂E/∂W5: 0.025922858 (reference 0.025922858, |Δ| = 2.8e-10 ≤ 1e-8)", check.Line);

        var tensors = expect_close(tensor(new float[] { 1, 2, 3, 4 }, [2, 2]), tensor(new float[] { 1, 2, 3, 4 }), 0, "grad");
        Assert.Equal("✓ grad: [1, 2, 3, 4] (reference [1, 2, 3, 4])", tensors.Line);
    }
}
