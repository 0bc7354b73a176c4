using NotebookDL.Kernel.Tests.Execution;

namespace NotebookDL.Kernel.Tests.Magics;

[Collection("cells")]
public class MagicTests
{
    private static readonly Interpreter Interpreter = new();

    private static async Task<(NotebookDL.Kernel.Execution.CellResult Result, RecordingOutput Output)> Run(string cell)
    {
        var output = new RecordingOutput();
        var result = await Interpreter.ExecuteAsync(cell, "In[1]", output);
        return (result, output);
    }

    [Fact]
    public async Task Lsmagic_lists_every_magic()
    {
        var (result, output) = await Run("#!lsmagic");
        Assert.Null(result.Error);
        foreach (var name in new[] { "lsmagic", "time", "who", "whos", "seed", "threads", "about", "summary", "plot-history" })
            Assert.Contains("#!" + name, output.Stdout);
    }

    [Fact]
    public async Task Time_reports_wall_and_cpu_after_the_cell_and_keeps_its_value()
    {
        var (result, output) = await Run("#!time\nConsole.WriteLine(\"work\");\n1 + 1");
        Assert.Equal("2", result.Value?["text/plain"]?.GetValue<string>());
        Assert.Matches(@"^work\r?\nWall time: .+, CPU time: .+", output.Stdout);
    }

    [Fact]
    public async Task Seed_makes_random_numbers_repeat()
    {
        var first = await Run("#!seed 7\nrandn(3).sum().item<float>()");
        var second = await Run("#!seed 7\nrandn(3).sum().item<float>()");
        Assert.Equal(first.Result.Value?.ToJsonString(), second.Result.Value?.ToJsonString());
    }

    [Fact]
    public async Task Whos_shows_types_and_tensor_shapes()
    {
        await Run("var whosTensor = zeros(2, 3); var whosList = new List<int> { 1 };");
        var (_, output) = await Run("#!whos");
        Assert.Matches(@"whosTensor\s+Tensor\s+float32 \[2, 3\]", output.Stdout);
        Assert.Matches(@"whosList\s+List<int>\s+\[ 1 \]", output.Stdout);
        var (_, who) = await Run("#!who");
        Assert.Contains("whosTensor", who.Stdout);
    }

    [Fact]
    public async Task Threads_sets_the_compute_threads()
    {
        var (result, output) = await Run("#!threads 1\ntorch.get_num_threads()");
        Assert.Equal("1", result.Value?["text/plain"]?.GetValue<string>());
        Assert.Contains("1 compute threads", output.Stdout);
        await Run($"#!threads {Environment.ProcessorCount}");
    }

    [Fact]
    public async Task Summary_displays_the_model_summary()
    {
        await Run("var summaryModel = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2));");
        var (result, output) = await Run("#!summary summaryModel --input-size 4");
        Assert.Null(result.Error);
        var display = Assert.Single(output.Events, e => e.Kind == "display");
        Assert.Contains("text/html", display.Text);
        Assert.Contains("58", display.Text); // 4*8+8 + 8*2+2 parameters
    }

    [Fact]
    public async Task About_and_help_and_usage_errors()
    {
        Assert.Contains("SIMD", (await Run("#!about")).Output.Stdout);
        Assert.Contains("#!seed N", (await Run("#!seed -h")).Output.Stdout);

        var (bad, badOutput) = await Run("#!seed lots");
        Assert.Equal("UsageError", bad.Error?.EName);
        Assert.Contains("usage: #!seed N", bad.Error!.Traceback);
        Assert.Empty(badOutput.Stderr);

        var (unknown, _) = await Run("#!frobnicate");
        Assert.Equal("UnknownMagic", unknown.Error?.EName);
        Assert.Contains("#!lsmagic", unknown.Error!.Traceback[0]);

        var (missing, _) = await Run("#!summary nothingHere --input-size 4");
        Assert.Equal("UsageError", missing.Error?.EName);
        Assert.Contains("nothingHere", missing.Error!.EValue);
    }
}
