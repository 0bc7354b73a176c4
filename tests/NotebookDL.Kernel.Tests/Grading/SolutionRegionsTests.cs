using NotebookDL.Kernel.Grading;

namespace NotebookDL.Kernel.Tests.Grading;

public class SolutionRegionsTests
{
    [Fact]
    public void ReplaceSolutions_CommentedDelimiters_StubIndentedLikeBeginLine() =>
        Assert.Equal("int F()\n{\n    // YOUR CODE HERE\n    throw new NotImplementedException();\n}",
            SolutionRegions.ReplaceSolutions("int F()\n{\n    // ### BEGIN SOLUTION\n    return 1;\n    // ### END SOLUTION\n}", SolutionRegions.CodeStub));

    [Fact]
    public void ReplaceSolutions_NoRegion_ReturnsNull() =>
        Assert.Null(SolutionRegions.ReplaceSolutions("var x = 1;", SolutionRegions.CodeStub));

    [Fact]
    public void ReplaceSolutions_NestedBegin_ThrowsNamingTheProblem()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            SolutionRegions.ReplaceSolutions("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION", SolutionRegions.CodeStub));
        Assert.Contains("nested", error.Message);
    }

    [Fact]
    public void ReplaceSolutions_MissingEnd_ThrowsNamingTheProblem()
    {
        var error = Assert.Throws<InvalidDataException>(() => SolutionRegions.ReplaceSolutions("// ### BEGIN SOLUTION\nreturn 1;", SolutionRegions.CodeStub));
        Assert.Contains("has no 'END SOLUTION' line", error.Message);
    }

    [Fact]
    public void RemoveHiddenTests_Region_RemovedWithDelimiters() =>
        Assert.Equal("Check(1);\nCheck(3);",
            SolutionRegions.RemoveHiddenTests("Check(1);\n// ### BEGIN HIDDEN TESTS\nCheck(2);\n// ### END HIDDEN TESTS\nCheck(3);"));
}
