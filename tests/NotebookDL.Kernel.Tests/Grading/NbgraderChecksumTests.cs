using NotebookDL.Kernel.Grading;
using static NotebookDL.Kernel.Tests.Grading.GradingNotebooks;

namespace NotebookDL.Kernel.Tests.Grading;

public class NbgraderChecksumTests
{
    // Expected values are the checksums nbgrader itself wrote into its test notebooks
    // (nbgrader/tests/apps/files/submitted-changed.ipynb and autotest-hidden-unchanged.ipynb).
    [Fact]
    public void Compute_GradeCell_MatchesNbgrader() =>
        Assert.Equal("8bb5c7c6f388fae724e5ef53dc4deeb2",
            NbgraderChecksum.Compute(Cell("code", "print(\"Success!\")", Nbgrader("foo", grade: true, locked: false, points: 1))));

    [Fact]
    public void Compute_LockedCodeCell_MatchesNbgrader() =>
        Assert.Equal("86f5f877fe95faac003fcd4b8d43d093",
            NbgraderChecksum.Compute(Cell("code", "print(\"Don't change this cell!\")", Nbgrader("ro1", locked: true))));

    [Fact]
    public void Compute_LockedMarkdownCell_MatchesNbgrader() =>
        Assert.Equal("0122b50e5eaf367b9874d07ebaf80521",
            NbgraderChecksum.Compute(Cell("markdown", "This cell shouldn't be changed.", Nbgrader("ro2", locked: true))));

    [Fact]
    public void Compute_SolutionStub_MatchesNbgrader() =>
        Assert.Equal("e0106b7b1e000112c4ce2c8f8fa64ed1",
            NbgraderChecksum.Compute(Cell("code", "# YOUR CODE HERE\nraise NotImplementedError()", Nbgrader("soln", solution: true))));

    [Fact]
    public void Compute_ChangedSource_ChangesChecksum() =>
        Assert.NotEqual(NbgraderChecksum.Compute(Cell("code", "a", Nbgrader("x", locked: true))),
            NbgraderChecksum.Compute(Cell("code", "b", Nbgrader("x", locked: true))));

    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.0, "0.0")]
    [InlineData(1e-4, "0.0001")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.5e20, "1.5e+20")]
    [InlineData(123.456, "123.456")]
    public void PythonFloat_Value_MatchesPythonRepr(double value, string repr) =>
        Assert.Equal(repr, NbgraderChecksum.PythonFloat(value));
}
