using System.Diagnostics;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

public sealed class TimeMagic : Magic
{
    public override string Name => "time";

    public override string Summary => "Reports the wall-clock and CPU time the rest of the cell takes.";

    public override async Task<CellResult> RunAsync(MagicContext context)
    {
        if (context.Args.Count > 0) throw new MagicUsageException($"#!time takes no arguments, got '{context.Args[0]}'");
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var result = await context.RunRestAsync().ConfigureAwait(false);
        wall.Stop();
        process.Refresh();
        // Process-wide CPU: compute threads count too, so CPU > wall shows the cell ran in parallel.
        var cpu = process.TotalProcessorTime - cpuBefore;
        context.WriteLine($"Wall time: {Format(wall.Elapsed)}, CPU time: {Format(cpu)}");
        return result;
    }

    private static string Format(TimeSpan time) => time.TotalSeconds switch
    {
        >= 60 => $"{(int)time.TotalMinutes} min {time.Seconds} s",
        >= 1 => $"{time.TotalSeconds:0.00} s",
        _ => $"{time.TotalMilliseconds:0.0} ms",
    };
}
