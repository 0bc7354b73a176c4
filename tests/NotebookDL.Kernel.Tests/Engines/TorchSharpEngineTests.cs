using NotebookDL.Kernel.Engines;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Magics;
using NotebookDL.Kernel.Tests.Execution;

namespace NotebookDL.Kernel.Tests.Engines;

/// <summary>
/// A notebook on the TorchSharp engine: #!engine in its first cell, then the same code, displays, training and magics
/// as on the managed engine, computed by libtorch.
/// </summary>
[Collection("cells")]
public class TorchSharpEngineTests
{
    private static readonly Lazy<Task<Interpreter>> Notebook = new(async () =>
    {
        var interpreter = new Interpreter(new ScriptSession(engine: KernelEngines.Managed), MagicRegistry.CreateDefault());
        var first = await interpreter.ExecuteAsync("#!engine torchsharp", "In[1]", new RecordingOutput());
        Assert.True(first.Error is null, first.Error?.EValue);
        return interpreter;
    });

    private static async Task<(CellResult Result, RecordingOutput Output)> Run(string cell)
    {
        var output = new RecordingOutput();
        var result = await (await Notebook.Value).ExecuteAsync(cell, "In[2]", output);
        Assert.True(result.Error is null, $"{result.Error?.EName}: {result.Error?.EValue}\n{string.Join("\n", result.Error?.Traceback ?? [])}");
        return (result, output);
    }

    private static string Text(CellResult result) => result.Value?["text/plain"]?.GetValue<string>() ?? "";

    [Fact]
    public async Task Engine_FirstCell_CellsComputeWithLibtorch()
    {
        var (result, _) = await Run("torch.ones(2, 3).sum().item<float>() + \" \" + torch.ones(1).GetType().FullName");
        Assert.Equal("6 TorchSharp.torch+Tensor", Text(result));
    }

    [Fact]
    public async Task Tensor_AsCellValue_ShowsTorchSharpTensorDisplay()
    {
        var (result, _) = await Run("torch.zeros(2, 3)");
        Assert.StartsWith("Tensor shape=[2, 3] dtype=torch.float32 device=cpu", Text(result));
        Assert.NotNull(result.Value?["text/html"]);
    }

    [Fact]
    public async Task Seed_OnTorchSharp_RepeatsLibtorchsRandomNumbers()
    {
        var first = await Run("#!seed 7\ntorch.randn(3).sum().item<float>()");
        var second = await Run("#!seed 7\ntorch.randn(3).sum().item<float>()");
        Assert.Equal(Text(first.Result), Text(second.Result));
        Assert.Contains("torchsharp engine's random generator", first.Output.Stdout);
    }

    [Fact]
    public async Task About_OnTorchSharp_NamesEngineVersionAndDevice()
    {
        var (_, output) = await Run("#!about");
        Assert.Matches(@"Engine\s+torchsharp \(TorchSharp 0\.107\.\d+, libtorch 2\.10", output.Stdout);
        Assert.Matches(@"Device\s+cpu", output.Stdout);
        Assert.Matches(@"Threads\s+\d+ compute threads", output.Stdout);
    }

    [Fact]
    public async Task WhosAndSummary_TorchSharpModel_ShowShapesAndParameters()
    {
        await Run("var tsNet = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)); var tsBatch = torch.zeros(5, 4);");
        var (_, whos) = await Run("#!whos");
        Assert.Matches(@"tsBatch\s+Tensor\s+float32 \[5, 4\]", whos.Stdout);
        Assert.Matches(@"tsNet\s+Sequential\s+Sequential \(58 parameters\)", whos.Stdout);
        var (_, summary) = await Run("#!summary tsNet --input-size 4");
        var display = Assert.Single(summary.Events, e => e.Kind == "display").Text;
        Assert.Contains("Total params: 58", display);
        Assert.Contains("(None, 2)", display);
    }

    [Fact]
    public async Task Threads_OnTorchSharp_SetsLibtorchsThreads()
    {
        var (result, _) = await Run("#!threads 1\ntorch.get_num_threads()");
        Assert.Equal("1", Text(result));
        await Run($"#!threads {Environment.ProcessorCount}");
    }

    [Fact]
    public async Task Fit_LivePlotConfusionMatrixCheckpoint_WorkOnATorchSharpModel()
    {
        var path = Path.Combine(Path.GetTempPath(), $"notebookdl-ts-kernel-{Guid.NewGuid():N}.safetensors");
        var (fit, fitOutput) = await Run($$"""
            #!seed 0
            using NotebookDL.Training;
            var fitX = torch.randn(64, 2);
            var fitY = (fitX[.., 0] > 0).to(ScalarType.Int64);
            var fitNet = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 2));
            fitNet.compile(loss: "sparse_categorical_crossentropy", optimizer: optim.Adam(fitNet.parameters(), lr: 0.05), metrics: new[] { "accuracy" });
            var fitHistory = fitNet.fit(fitX, fitY, epochs: 4, batch_size: 16, verbose: 0,
                callbacks: new List<Callback> { new LiveTrainingPlot(epochs: 4, min_interval: 0), new ModelCheckpoint(@"{{path}}", monitor: "loss") });
            fitHistory["loss"].Count
            """);
        Assert.Equal("4", Text(fit));
        Assert.Single(fitOutput.Events, e => e.Kind == "display");
        Assert.True(fitOutput.Events.Count(e => e.Kind == "update") >= 3, "the live plot redraws in place after each epoch");

        var (matrix, _) = await Run("metrics.confusion_matrix(fitY, fitNet.predict(fitX).argmax(1))");
        Assert.Contains("Confusion matrix", Text(matrix));
        Assert.NotNull(matrix.Value?["image/svg+xml"]);

        var (reloaded, _) = await Run($$"""
            var reloadNet = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 2));
            reloadNet.load_weights(@"{{path}}");
            (reloadNet.call(fitX) - fitNet.call(fitX)).abs().max().item<float>()
            """);
        Assert.Equal("0", Text(reloaded));
        File.Delete(path);
    }

    [Fact]
    public async Task Interrupt_LongFitOnTorchSharp_StopsBetweenBatchesKeepingTheWeights()
    {
        await Run("""
            using NotebookDL.Training;
            var longNet = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 2));
            longNet.compile(loss: nn.CrossEntropyLoss(), optimizer: "sgd");
            var longX = torch.randn(4096, 20);
            var longY = torch.randint(0, 2, [4096]);
            """);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var running = (await Notebook.Value).ExecuteAsync("var longHistory = longNet.fit(longX, longY, epochs: 100000, batch_size: 8, verbose: 0);", "In[3]", new RecordingOutput());
        await Task.Delay(500);
        CellCancellation.Interrupt();
        var result = await running;

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(0.5 + 1.5), $"took {watch.Elapsed}");
        Assert.Equal("KeyboardInterrupt", result.Error?.EName);
        var (after, _) = await Run("longNet.trainer().history.message");
        Assert.Contains("Training cancelled at epoch", Text(after));
    }

    [Fact]
    public async Task LibtorchError_InACell_ShowsTheReasonWithoutCppFrames()
    {
        var output = new RecordingOutput();
        var result = await (await Notebook.Value).ExecuteAsync("torch.ones(2, 3).unsqueeze(5)", "In[4]", output);

        Assert.Equal("ExternalException", result.Error?.EName);
        Assert.StartsWith("Dimension out of range", result.Error?.EValue);
        Assert.Contains("C++ frames left out; NOTEBOOKDL_FULL_TRACEBACK=1 shows them", result.Error?.EValue);
        Assert.DoesNotContain("frame #0", string.Join("\n", result.Error!.Traceback));
    }

    [Fact]
    public async Task Engine_AfterCodeRan_IsAUsageErrorSayingToRestart()
    {
        var interpreter = new Interpreter(new ScriptSession(engine: KernelEngines.Managed), MagicRegistry.CreateDefault());
        await interpreter.ExecuteAsync("var before = 1;", "In[1]", new RecordingOutput());
        var result = await interpreter.ExecuteAsync("#!engine torchsharp", "In[2]", new RecordingOutput());
        Assert.Equal("UsageError", result.Error?.EName);
        Assert.Contains("already ran code on the managed engine", result.Error?.EValue);
        Assert.Contains("restart the kernel", result.Error?.EValue);
        Assert.Equal(KernelEngines.Managed, interpreter.Session.Engine);
    }

    [Fact]
    public async Task NuGetTorchSharp_FirstCell_ChoosesTheTorchSharpEngineInsteadOfASecondCopy()
    {
        var interpreter = new Interpreter(new ScriptSession(engine: KernelEngines.Managed), MagicRegistry.CreateDefault());
        var output = new RecordingOutput();
        var result = await interpreter.ExecuteAsync("#r \"nuget: TorchSharp-cpu, 0.107.0\"\ntorch.ones(1).GetType().FullName", "In[1]", output);
        Assert.True(result.Error is null, result.Error?.EValue);
        Assert.Equal("TorchSharp.torch+Tensor", Text(result));
        Assert.Contains("now runs on the torchsharp engine", output.Stdout);
        Assert.DoesNotContain("Installing package", output.Stdout);
    }

    [Fact]
    public async Task NuGetTorchSharp_AfterCodeRanOnManaged_IsAnErrorSayingToUseEngine()
    {
        var interpreter = new Interpreter(new ScriptSession(engine: KernelEngines.Managed), MagicRegistry.CreateDefault());
        await interpreter.ExecuteAsync("var before = 1;", "In[1]", new RecordingOutput());
        var result = await interpreter.ExecuteAsync("#r \"nuget: TorchSharp-cpu\"", "In[2]", new RecordingOutput());
        Assert.Equal("EngineError", result.Error?.EName);
        Assert.Contains("'#!engine torchsharp' on the first line of the first code cell", string.Join("\n", result.Error!.Traceback));
    }

    [Theory]
    [InlineData("#!engine pytorch", "'pytorch' is not an engine NotebookDL knows; choose managed or torchsharp")]
    [InlineData("#!engine managed torchsharp", "unexpected argument 'torchsharp'")]
    public async Task Engine_BadArguments_AreUsageErrors(string cell, string message)
    {
        var interpreter = new Interpreter(new ScriptSession(engine: KernelEngines.Managed), MagicRegistry.CreateDefault());
        var result = await interpreter.ExecuteAsync(cell, "In[1]", new RecordingOutput());
        Assert.Equal("UsageError", result.Error?.EName);
        Assert.Contains(message, result.Error?.EValue);
    }
}
