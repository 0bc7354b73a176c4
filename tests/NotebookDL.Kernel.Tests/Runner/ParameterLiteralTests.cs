using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Tests.Runner;

public class ParameterLiteralTests
{
    /// <summary>Every declared spelling gets a literal of its type; nothing of the value is ever code.</summary>
    [Theory]
    [InlineData("string?", "x\");System.IO.File.WriteAllText(\"pwn\",\"\");//", "\"x\\\");System.IO.File.WriteAllText(\\\"pwn\\\",\\\"\\\");//\"")]
    [InlineData("string?", "null", "null")]
    [InlineData("string", "null", "\"null\"")]
    [InlineData("System.String", "a b", "\"a b\"")]
    [InlineData("global::System.String", "c", "\"c\"")]
    [InlineData("double?", "0.5", "0.5")]
    [InlineData("System.Double", "1e300", "1E+300")]
    [InlineData("double", "Infinity", "double.PositiveInfinity")]
    [InlineData("double", "NaN", "double.NaN")]
    [InlineData("float", "-Infinity", "float.NegativeInfinity")]
    [InlineData("float", "0.1", "0.1f")]
    [InlineData("int?", "-3", "-3")]
    [InlineData("long", "9000000000", "9000000000L")]
    [InlineData("decimal", "1.25", "1.25m")]
    [InlineData("bool", "True", "true")]
    [InlineData("Boolean", "false", "false")]
    [InlineData("int[]", "1, 2,3", "new int[] { 1, 2, 3 }")]
    [InlineData("int[]", "[4, 5]", "new int[] { 4, 5 }")]
    [InlineData("int[]", "", "new int[0]")]
    [InlineData("int[]?", "null", "null")]
    [InlineData("string[]", "[\"a,b\", \" c\"]", "new string[] { \"a,b\", \" c\" }")]
    [InlineData("string[]", "a, b", "new string[] { \"a\", \"b\" }")]
    [InlineData("double?[]", "[1.5, null]", "new double?[] { 1.5, null }")]
    [InlineData("System.Int64[]", "7", "new System.Int64[] { 7L }")]
    public void For_DeclaredType_WritesALiteralOfThatType(string type, string value, string expected)
    {
        Assert.Equal(expected, ParameterLiteral.For(type, value, "p"));
    }

    [Theory]
    [InlineData("int", "1e300", "'1e300' is not a valid int")]
    [InlineData("int", "1;File.Delete(\"x\")", "is not a valid int")]
    [InlineData("double?", "1;File.Delete(\"x\")", "is not a valid double")]
    [InlineData("bool", "yes", "'yes' is not a valid bool")]
    [InlineData("byte", "300", "'300' is not a valid byte")]
    [InlineData("int[]", "1,x", "'x' is not a valid int")]
    [InlineData("int[]", "[1, [2]]", "cannot be a nested Array")]
    [InlineData("int[]", "[1,", "give a JSON array")]
    [InlineData("int[]", "null", "'null' is not a valid int")]
    [InlineData("List<int>", "1", "the supported types are string, bool, int")]
    [InlineData("int[,]", "1", "the supported types are")]
    [InlineData("int[][]", "[[1]]", "the supported types are")]
    [InlineData("var", "1", "declares it as 'var'")]
    public void For_ValueOrTypeWithoutALiteral_IsRefusedByName(string type, string value, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => ParameterLiteral.For(type, value, "sizes"));

        Assert.Contains("--param sizes", error.Message);
        Assert.Contains(reason, error.Message);
    }
}
