using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Tests.Server;

/// <summary>A kernel whose iopub queue holds 200 messages for a subscriber, so a flood outgrows it within a second.</summary>
public sealed class SmallIopubKernelFixture : KernelFixture
{
    protected override TransportLimits? IopubLimits => TransportLimits.Publisher with { SendHighWaterMark = 200, MaxQueuedBytes = 1 << 20 };
}

[Collection("cells")]
public class IopubFloodTests(SmallIopubKernelFixture kernel) : IClassFixture<SmallIopubKernelFixture>
{
    [Fact]
    public async Task Execute_InterruptedDisplayFloodToAClientNotReading_StillDeliversTheErrorAndTheFinalIdle()
    {
        var client = kernel.Client;
        await client.IopubUntilIdleAsync(client.Execute("1"));   // Roslyn warmed up, so the flood starts at once
        await client.ReceiveAsync(client.Shell);
        var request = client.Execute("for (int i = 0; ; i++) display(new string('x', 20_000) + i);");
        // iopub is not read meanwhile: the client's queue, TCP and then the kernel's (1 MB, some 50 displays) fill up.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (kernel.Server.Sockets.IoPub.QueuedMessages < 40 && DateTime.UtcNow < deadline) await Task.Delay(50);
        await Task.Delay(300);
        client.Send(client.Control, "interrupt_request", []);
        await client.ReceiveAsync(client.Control);
        var reply = await client.ReceiveAsync(client.Shell);

        var iopub = await client.IopubUntilIdleAsync(request);

        Assert.Equal("KeyboardInterrupt", reply.Content.GetString("ename"));
        Assert.Equal("KeyboardInterrupt", iopub.Single(m => m.MsgType == "error").Content.GetString("ename"));
        Assert.Equal("idle", iopub[^1].Content.GetString("execution_state"));
        Assert.True(iopub.Any(m => m.MsgType == "stream" && m.Content.GetString("name") == "stderr"
            && m.Content.GetString("text").Contains("were dropped here", StringComparison.Ordinal)),
            string.Join(", ", iopub.GroupBy(m => m.MsgType).Select(g => $"{g.Key} x{g.Count()}")));
    }
}
