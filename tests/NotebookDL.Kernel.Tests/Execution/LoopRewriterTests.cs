using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Tests.Execution;

public class LoopRewriterTests
{
    private static string Rewrite(string code) => LoopRewriter.Rewrite(code, ScriptEnvironment.ParseOptions);

    private const string Check = "global::NotebookDL.Kernel.Execution.CellCancellation.Check();";

    [Fact]
    public void Block_bodies_start_with_the_check_on_the_same_line()
    {
        Assert.Equal("while (true) {" + Check + "}", Rewrite("while (true) {}"));
        Assert.Equal("for (;;)\n{\n    " + Check + "x++;\n}", Rewrite("for (;;)\n{\n    x++;\n}"));
    }

    [Fact]
    public void Embedded_statements_get_braces_without_new_lines()
    {
        Assert.Equal("while (x) {" + Check + "y++;}", Rewrite("while (x) y++;"));
        Assert.Equal("do {" + Check + "y++;} while (x);", Rewrite("do y++; while (x);"));
        Assert.Equal("foreach (var (a, b) in p) {" + Check + "s += a;}", Rewrite("foreach (var (a, b) in p) s += a;"));
    }

    [Fact]
    public void Line_count_is_preserved_and_nested_loops_are_rewritten()
    {
        var code = "for (int i = 0; i < 3; i++)\n    for (int j = 0; j < 3; j++)\n    {\n        Console.WriteLine(i * j);\n    }\n";
        var rewritten = Rewrite(code);
        Assert.Equal(code.Split('\n').Length, rewritten.Split('\n').Length);
        Assert.Equal(2, rewritten.Split(Check).Length - 1);
    }

    [Fact]
    public void Code_without_loops_is_returned_unchanged()
    {
        const string code = "var x = 1; // no loops here";
        Assert.Same(code, Rewrite(code));
    }

    private const string Enter = "global::NotebookDL.Kernel.Execution.CellCancellation.EnterFrame();";

    [Theory]
    [InlineData("void F() => F();", "void F() {" + Enter + "F();}")]
    [InlineData("int G(int n) => n <= 0 ? 0 : G(n - 1);", "int G(int n) {" + Enter + "return n <= 0 ? 0 : G(n - 1);}")]
    [InlineData("async Task H() => await Task.Delay(1);", "async Task H() {" + Enter + "await Task.Delay(1);}")]
    [InlineData("async Task<int> K() => await Task.FromResult(1);", "async Task<int> K() {" + Enter + "return await Task.FromResult(1);}")]
    [InlineData("string T() => throw new X();", "string T() {" + Enter + "throw new X();}")]
    [InlineData("int M(int x)\n{\n    return x;\n}", "int M(int x)\n{\n    " + Enter + "return x;\n}")]
    public void Rewrite_MethodsAndLocalFunctions_StartWithTheFrameGuardOnTheSameLines(string code, string expected)
    {
        Assert.Equal(expected, Rewrite(code));
        Assert.Equal(expected, Rewrite("{ " + code + " }")[2..^2]); // as a local function inside a block
    }

    private const string Frame = "global::NotebookDL.Kernel.Execution.CellCancellation.Frame";

    [Theory]
    [InlineData("Func<int, int> g = null; g = n => g(n + 1);", "Func<int, int> g = null; g = n => " + Frame + "(g)(n + 1);")]
    [InlineData("Action<int> a = null; a = n => a.Invoke(n);", "Action<int> a = null; a = n => " + Frame + "(a).Invoke(n);")]
    [InlineData("int Apply(Func<int, int> f) => f(1);", "int Apply(Func<int, int> f) {" + Enter + "return " + Frame + "(f)(1);}")]
    [InlineData("Action a = () => { a(); };", "Action a = () => { " + Enter + Frame + "(a)(); };")]
    [InlineData("Action a = delegate { a(); };", "Action a = delegate { " + Enter + Frame + "(a)(); };")]
    [InlineData("class C { public C() { } int P => P; int Q { get => Q; set { } } }", "class C { public C() { " + Enter + "} int P {get{" + Enter + "return P;}} int Q { get {" + Enter + "return Q;} set { " + Enter + "} } }")]
    [InlineData("class V { public static V operator +(V a, V b) => a + b; public static implicit operator int(V v) => v; }", "class V { public static V operator +(V a, V b) {" + Enter + "return a + b;} public static implicit operator int(V v) {" + Enter + "return v;} }")]
    public void Rewrite_LambdasAccessorsAndDelegateCalls_AreGuarded(string code, string expected) =>
        Assert.Equal(expected, Rewrite(code));

    [Theory]
    [InlineData("int f(int x) => x; var y = f(2);")]              // a method of the cell: wrapping its group would not compile
    [InlineData("var s = xs.Select(x => x.ToString());")]          // x.ToString() is a member call, not a variable's
    [InlineData("Console.WriteLine(nameof(Math));")]
    public void Rewrite_CallsOfMethods_AreLeftAlone(string code) =>
        Assert.DoesNotContain(Frame, Rewrite(code));

    [Fact]
    public void Rewrite_DelegateVariableOfAnEarlierCell_IsGuarded() =>
        Assert.Equal(Frame + "(earlier)(1);", LoopRewriter.Rewrite("earlier(1);", ScriptEnvironment.ParseOptions, ["earlier"]));
}
