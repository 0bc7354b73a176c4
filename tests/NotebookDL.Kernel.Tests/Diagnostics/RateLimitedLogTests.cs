using NotebookDL.Kernel.Diagnostics;

namespace NotebookDL.Kernel.Tests.Diagnostics;

public class RateLimitedLogTests
{
    [Fact]
    public void Write_AFloodOfOneKind_WritesOneLineAnIntervalAndCountsTheRest()
    {
        var lines = new List<string>();
        var now = new DateTime(2026, 1, 1);
        var log = new RateLimitedLog(lines.Add, () => now);

        for (int i = 0; i < 10_000; i++) log.Write("dropped", $"dropped message {i}");
        log.Write("other", "a different kind still gets through");
        now += RateLimitedLog.Interval;
        log.Write("dropped", "dropped message after the interval");

        Assert.Equal(3, lines.Count);
        Assert.Equal("dropped message 0", lines[0]);
        Assert.Equal("a different kind still gets through", lines[1]);
        Assert.StartsWith("dropped message after the interval (9999 more like this", lines[2]);
    }
}
