using System.Diagnostics;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Tests.Execution;

[Collection("cells")]
public class ScriptSessionTests(SharedSession shared)
{
    private readonly ScriptSession session = shared.Session;

    private async Task<(CellResult Result, RecordingOutput Output)> Run(string code, string cell = "In[1]")
    {
        var output = new RecordingOutput();
        var result = await session.ExecuteAsync(code, cell, output);
        return (result, output);
    }

    [Fact]
    public async Task Variables_carry_across_cells_and_the_last_expression_is_the_value()
    {
        await Run("var carried = 20;");
        var (result, _) = await Run("carried + 22");

        Assert.Null(result.Error);
        Assert.Equal("42", result.Value?["text/plain"]?.GetValue<string>());
    }

    [Fact]
    public async Task Statements_and_void_calls_have_no_value()
    {
        Assert.Null((await Run("var nothing = 1;")).Result.Value);
        Assert.Null((await Run("Console.Write(\"\")")).Result.Value);
    }

    [Fact]
    public async Task NotebookDL_and_default_usings_are_available()
    {
        var (result, _) = await Run("manual_seed(1); var t = ones(2, 3); t.shape.Aggregate(1L, (a, b) => a * b)");
        Assert.Null(result.Error);
        Assert.Equal("6", result.Value?["text/plain"]?.GetValue<string>());
    }

    [Fact]
    public async Task Console_output_goes_to_the_cell_streams()
    {
        var (result, output) = await Run("Console.WriteLine(\"hello, world\"); Console.Error.Write(\"oops\");");
        Assert.Null(result.Error);
        Assert.Equal("hello, world\n", output.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal("oops", output.Stderr);
    }

    [Fact]
    public async Task Compile_errors_are_one_readable_error_with_the_cell_line()
    {
        var (result, output) = await Run("var ok = 1;\nvar bad = undefinedName + 1;", "In[7]");

        var error = Assert.IsType<CellError>(result.Error);
        Assert.Equal("CompilationError", error.EName);
        Assert.Contains("CS0103", error.EValue);
        Assert.Contains("In[7], line 2, column 11: error CS0103", error.Traceback[0]);
        Assert.Empty(output.Stderr);
    }

    [Fact]
    public async Task Runtime_errors_name_the_exception_and_the_cell_line()
    {
        var (result, _) = await Run("int Divide(int a, int b) => a / b;\nvar zero = 0;\nDivide(1, zero)", "In[9]");

        var error = Assert.IsType<CellError>(result.Error);
        Assert.Equal("DivideByZeroException", error.EName);
        Assert.Contains(error.Traceback, line => line.Contains("In[9]") && line.Contains("line 1") && line.Contains("Divide"));
        Assert.Contains(error.Traceback, line => line.Contains("In[9]") && line.Contains("line 3"));
        Assert.DoesNotContain(error.Traceback, line => line.Contains("Microsoft.CodeAnalysis"));
    }

    [Fact]
    public async Task Variables_assigned_before_an_exception_survive()
    {
        await Run("var before = 5;\nthrow new InvalidOperationException(\"boom\");");
        var (result, _) = await Run("before");
        Assert.Equal("5", result.Value?["text/plain"]?.GetValue<string>());
    }

    [Fact]
    public async Task Interrupt_stops_an_infinite_loop_and_keeps_the_session()
    {
        await Run("var survivor = \"still here\";");
        var watch = Stopwatch.StartNew();
        var running = Run("var spins = 0L;\nwhile (true) { spins++; }");
        await Task.Delay(300);
        CellCancellation.Interrupt();
        var (result, _) = await running;

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5 + 0.3), $"took {watch.Elapsed}");
        Assert.Equal("KeyboardInterrupt", result.Error?.EName);
        var (after, _) = await Run("survivor + \" \" + (spins > 0)");
        Assert.Equal("still here True", after.Value?["text/plain"]?.GetValue<string>());
    }

    [Fact]
    public async Task Interrupt_stops_a_long_fit_that_was_given_no_token()
    {
        await Run("using NotebookDL.Training;\nvar net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 2));\n" +
                  "net.compile(loss: nn.CrossEntropyLoss(), optimizer: \"sgd\");\nvar xs = torch.randn(4096, 20);\nvar ys = torch.randint(0, 2, [4096]);");
        var watch = Stopwatch.StartNew();
        var running = Run("var history = net.fit(xs, ys, epochs: 100000, batch_size: 8, verbose: 0);");
        await Task.Delay(500);
        CellCancellation.Interrupt();
        var (result, _) = await running;

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(0.5 + 1.0), $"took {watch.Elapsed}");
        Assert.Equal("KeyboardInterrupt", result.Error?.EName);
        var (after, _) = await Run("net.trainer().history.message");
        Assert.Contains("Training cancelled at epoch", after.Value?["text/plain"]?.GetValue<string>());
    }

    [Fact]
    public async Task Loops_without_braces_and_foreach_are_interruptible_too()
    {
        var running = Run("long n = 0;\nforeach (var i in Enumerable.Repeat(1, int.MaxValue)) n += i;");
        await Task.Delay(200);
        CellCancellation.Interrupt();
        Assert.Equal("KeyboardInterrupt", (await running).Result.Error?.EName);
    }

    [Fact]
    public async Task Cells_that_declare_nothing_still_change_existing_variables()
    {
        await Run("var counter = 1; var items = new List<int>();");
        await Run("counter += 41;");
        await Run("items.Add(counter)");
        var (result, _) = await Run("$\"{counter} {items.Count}\"");
        Assert.Equal("42 1", result.Value?["text/plain"]?.GetValue<string>());
    }

    [Fact]
    public async Task Hash_r_references_a_dll_and_hash_load_runs_a_script_file()
    {
        var csx = Path.Combine(Path.GetTempPath(), $"notebookdl-load-{Guid.NewGuid():N}.csx");
        File.WriteAllText(csx, "var loadedFromFile = 7;");
        var dll = Path.Combine(AppContext.BaseDirectory, "xunit.assert.dll");

        var (result, _) = await Run($"#r \"{dll}\"\n#load \"{csx}\"\nXunit.Assert.Equal(7, loadedFromFile);\nloadedFromFile * 6");

        Assert.True(result.Error is null, result.Error?.EValue);
        Assert.Equal("42", result.Value?["text/plain"]?.GetValue<string>());
    }

    [Fact]
    public async Task ReadLine_asks_the_frontend()
    {
        var output = new RecordingOutput();
        output.Input.Enqueue("Ada");
        var result = await session.ExecuteAsync("var name = Console.ReadLine(); name", "In[1]", output);
        Assert.Equal("Ada", result.Value?["text/plain"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("void Forever() => Forever();\nForever();")]
    [InlineData("int Depth(int n) { return Depth(n + 1) + 1; }\nDepth(0)")]
    [InlineData("Func<int, int> g = null;\ng = n => g(n + 1) + 1;\ng(0)")]
    [InlineData("Action a = null;\na = () => { a(); };\na();")]
    [InlineData("class Loop { public int P => P; }\nnew Loop().P")]
    [InlineData("class Ctor { public Ctor() { new Ctor(); } }\nnew Ctor();")]
    public async Task Execute_RunawayRecursion_IsACellErrorAndTheSessionLives(string code)
    {
        await Run("var survivor = 41;");

        var (result, _) = await Run(code);
        var (after, _) = await Run("survivor + 1");

        Assert.Equal("InsufficientExecutionStackException", result.Error?.EName);
        Assert.Contains("recursed too deeply", result.Error?.EValue);
        Assert.Equal("42", after.Value?["text/plain"]?.GetValue<string>());
    }

    [Fact]
    public async Task Execute_DeepButFiniteRecursion_Completes()
    {
        var (result, _) = await Run("long Sum(long n) => n == 0 ? 0 : n + Sum(n - 1);\nSum(10000)");

        Assert.Null(result.Error);
        Assert.Equal("50005000", result.Value?["text/plain"]?.GetValue<string>());
    }

    [Fact]
    public async Task Execute_ValueWhoseToStringThrows_IsACellErrorAndVariablesAreKept()
    {
        var (result, _) = await Run("class Broken { public override string ToString() => throw new FormatException(\"no text\"); }\nvar kept = 7;\nnew Broken()");
        var (after, _) = await Run("kept");

        Assert.Equal("InvalidOperationException", result.Error?.EName);
        Assert.Contains("showing its value failed", result.Error?.EValue);
        Assert.Contains("FormatException: no text", result.Error?.EValue);
        Assert.Equal("7", after.Value?["text/plain"]?.GetValue<string>());
    }

    [Fact]
    public async Task Execute_ValueWhoseToStringBlocks_IsInterruptedAndTheSessionLives()
    {
        await Run("var beforeStuck = 6;");
        var stuck = Run("class Stuck { public override string ToString() { System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite); return \"\"; } }\nnew Stuck()");
        await Task.Delay(500);
        CellCancellation.Interrupt();

        var (result, _) = await stuck.WaitAsync(TimeSpan.FromSeconds(30));
        var (after, _) = await Run("beforeStuck * 7");

        Assert.Equal("KeyboardInterrupt", result.Error?.EName);
        Assert.Equal("42", after.Value?["text/plain"]?.GetValue<string>());
    }

    [Fact]
    public async Task Execute_LambdaRecursingThroughAVariableOfAnEarlierCell_IsACellError()
    {
        await Run("Func<int, int> countDown = null;");

        var (result, _) = await Run("countDown = n => countDown(n + 1);\ncountDown(0)");

        Assert.Equal("InsufficientExecutionStackException", result.Error?.EName);
    }

    [Theory]
    [InlineData("var t = new System.Threading.Thread(() => throw new InvalidOperationException(\"raw thread\"));\nt.Start(); t.Join();\n1", "raw thread")]
    [InlineData("System.Threading.ThreadPool.QueueUserWorkItem(_ => throw new InvalidOperationException(\"pool item\"));\nawait Task.Delay(300);\n1", "pool item")]
    [InlineData("var timer = new System.Threading.Timer(_ => throw new InvalidOperationException(\"timer\"), null, 10, -1);\nawait Task.Delay(300);\n1", "timer")]
    public async Task Execute_ThreadTheCellStartsThrows_IsReportedAndTheKernelLives(string code, string message)
    {
        var (result, output) = await Run(code);
        var (after, _) = await Run("41 + 1");

        Assert.Null(result.Error);
        Assert.Contains($"InvalidOperationException: {message}", output.Stderr);
        Assert.Equal("42", after.Value?["text/plain"]?.GetValue<string>());
    }

    [Fact]
    public async Task Execute_AsyncVoidThatThrows_IsReportedAndTheKernelLives()
    {
        var (result, output) = await Run("async void Boom() { await Task.Yield(); throw new InvalidOperationException(\"late failure\"); }\nBoom();\nawait Task.Delay(300);\n1");
        var (after, _) = await Run("41 + 1");

        Assert.Null(result.Error);
        Assert.Contains("late failure", output.Stderr);
        Assert.Equal("42", after.Value?["text/plain"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("System.Xml.Linq.XDocument.Parse(\"<a><b/></a>\").Root!.Name.LocalName", "a")]
    [InlineData("new System.Xml.XmlDocument().CreateElement(\"x\").Name", "x")]
    [InlineData("System.Text.Json.JsonSerializer.Serialize(new { a = 1 })", "{\"a\":1}")]
    [InlineData("System.Security.Cryptography.SHA256.HashData(new byte[0]).Length", "32")]
    public async Task Execute_SharedFrameworkTypes_CompileAndRun(string code, string expected)
    {
        var (result, _) = await Run(code);

        Assert.Null(result.Error?.EValue);
        Assert.Equal(expected, result.Value?["text/plain"]?.GetValue<string>());
    }

    [Fact]
    public async Task Execute_SeveralCompileErrors_AreListedInLineOrderWithCarets()
    {
        var (result, _) = await Run("int a = \"text\";\nvar b = undefinedName;\nstring c = 5;");

        var located = result.Error!.Traceback.Where(l => l.Contains(", line ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, located.Count);
        Assert.Contains("line 1", located[0]);
        Assert.Contains("line 2", located[1]);
        Assert.Contains("line 3", located[2]);
        Assert.Contains("(line 1)", result.Error.EValue);
        Assert.Contains(result.Error.Traceback, l => l.TrimEnd().EndsWith('^'));
    }
}

