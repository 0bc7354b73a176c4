using Microsoft.CodeAnalysis.CSharp;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Tests.Execution;

public class SubmissionShapeTests
{
    private static bool DeclaresNothing(string code) =>
        SubmissionShape.DeclaresNothing(CSharpSyntaxTree.ParseText(code, ScriptEnvironment.ParseOptions));

    [Theory]
    [InlineData("1 + 1")]
    [InlineData("x = 5;")]
    [InlineData("Console.WriteLine(x);")]
    [InlineData("for (int i = 0; i < 3; i++) total += i;")]
    [InlineData("list.ForEach(item => Console.WriteLine(item));")]
    public void Expressions_and_statements_declare_nothing(string code) => Assert.True(DeclaresNothing(code));

    [Theory]
    [InlineData("var x = 1;")]
    [InlineData("int Square(int n) => n * n;")]
    [InlineData("class Point { }")]
    [InlineData("using System.IO;")]
    [InlineData("int.TryParse(\"1\", out var parsed);")]
    [InlineData("if (o is string s) { }")]
    [InlineData("var (a, b) = (1, 2);")]
    [InlineData("#r \"x.dll\"\n1")]
    public void Declarations_directives_and_expression_variables_are_kept(string code) => Assert.False(DeclaresNothing(code));
}
