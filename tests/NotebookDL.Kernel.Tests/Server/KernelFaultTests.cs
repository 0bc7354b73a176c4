using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Tests.Server;

/// <summary>What a local process without the key, or a cell's own threads, can do to a running kernel.</summary>
[Collection("cells")]
public class KernelFaultTests(KernelFixture kernel) : IClassFixture<KernelFixture>
{
    private TestKernelClient Client => kernel.Client;

    private ConnectionInfo Bound => kernel.Server.Sockets.Bound;

    [Fact]
    public async Task Shell_LocalProcessUsingTheClientsSessionAsIdentity_GetsNeitherRepliesNorPasswordPrompts()
    {
        var probe = Client.Execute("1");
        await Client.ReceiveAsync(Client.Shell);
        var session = (await Client.IopubUntilIdleAsync(probe))[0].ParentHeader.GetString("session");   // any iopub subscriber sees it
        await using var shellThief = new DealerSocket(Encoding.ASCII.GetBytes(session));
        await using var stdinThief = new DealerSocket(Encoding.ASCII.GetBytes(session));
        await shellThief.ConnectAsync(Bound.Ip, Bound.ShellPort);
        await stdinThief.ConnectAsync(Bound.Ip, Bound.StdinPort);
        await Task.Delay(300);

        var request = Client.Execute("var password = Console.ReadLine(); password.Length", allowStdin: true);
        var prompt = await Client.ReceiveAsync(Client.Stdin);
        Client.InputReply(prompt, "hunter2");
        var reply = await Client.ReceiveAsync(Client.Shell);
        await Client.IopubUntilIdleAsync(request);

        Assert.Equal("input_request", prompt.MsgType);
        Assert.Equal("ok", reply.Content.GetString("status"));
        Assert.False(shellThief.TryReceive(out _));
        Assert.False(stdinThief.TryReceive(out _));
        Assert.Equal(0, shellThief.ConnectionCount + stdinThief.ConnectionCount);   // the kernel closed both
    }

    [Fact]
    public async Task Execute_UserExpressionThatBlocks_CanBeInterruptedAndTheReplyArrives()
    {
        var request = Client.Send(Client.Shell, "execute_request", new JsonObject
        {
            ["code"] = "var answered = 42;", ["silent"] = false, ["store_history"] = true, ["allow_stdin"] = false, ["stop_on_error"] = true,
            ["user_expressions"] = new JsonObject { ["stuck"] = "System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite)", ["fine"] = "answered" },
        });
        await Task.Delay(1000);
        Client.Send(Client.Control, "interrupt_request", []);
        await Client.ReceiveAsync(Client.Control);

        var reply = await Client.ReceiveAsync(Client.Shell);
        await Client.IopubUntilIdleAsync(request);

        var expressions = reply.Content.GetObject("user_expressions");
        Assert.Equal("error", expressions.GetObject("stuck").GetString("status"));
        Assert.Equal("42", expressions.GetObject("fine").GetObject("data").GetString("text/plain"));
    }

    [Fact]
    public async Task Execute_DisplayUpdateFromARawThreadWithAThrowingToString_KeepsTheKernel()
    {
        var request = Client.Execute(
            "class Unprintable { public override string ToString() => throw new FormatException(\"no text\"); }\n" +
            "var handle = display(1);\n" +
            "var thread = new System.Threading.Thread(() => handle.Update(new Unprintable()));\n" +
            "thread.Start(); thread.Join();\n" +
            "40 + 2");
        var reply = await Client.ReceiveAsync(Client.Shell);
        var iopub = await Client.IopubUntilIdleAsync(request);

        Assert.Equal("ok", reply.Content.GetString("status"));
        var update = Assert.Single(iopub, m => m.MsgType == "update_display_data");
        Assert.Contains("FormatException: no text", update.Content.GetObject("data").GetString("text/plain"));
        Assert.Equal("42", iopub.Single(m => m.MsgType == "execute_result").Content.GetObject("data").GetString("text/plain"));
    }
}

/// <summary>
/// The kernel process under a 170-descriptor limit (it uses about 120 itself), flooded on its shell port with connections
/// that never speak ZMTP: 500 pass both the limit (accept fails with EMFILE) and the 64-a-socket cap. Alone, so its
/// timing is its own.
/// </summary>
[Collection("memory")]
public class KernelConnectionFloodTests
{
    [Fact]
    public async Task KernelProcess_KeylessConnectionsPastItsFileLimit_KeepsServingAndLogsLittle()
    {
        using var kernel = KernelProcess.Start(fileLimit: 170);
        await using (var warm = await kernel.ConnectAsync())
        {
            warm.Execute("1");   // Roslyn is loaded before the flood: compiling needs files too
            Assert.Equal("ok", (await warm.ReceiveAsync(warm.Shell)).Content.GetString("status"));
        }
        var info = kernel.Info;
        var flood = new List<TcpClient>();
        try
        {
            for (int i = 0; i < 500; i++)
            {
                var client = new TcpClient();
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await client.ConnectAsync(info.Ip, info.ShellPort, cts.Token);
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException)
                {
                    // a full accept backlog is the kernel protecting itself
                }
                flood.Add(client);
            }
            await Task.Delay(1000);
            Assert.False(kernel.Process.HasExited, "the kernel died under the connection flood");
        }
        finally
        {
            flood.ForEach(c => c.Dispose());
        }

        await using var client2 = await kernel.ConnectAsync();
        var request = client2.Execute("40 + 2");
        var reply = await client2.ReceiveAsync(client2.Shell);
        var iopub = await client2.IopubUntilIdleAsync(request);
        client2.Send(client2.Control, "shutdown_request", new JsonObject { ["restart"] = false });
        await client2.ReceiveAsync(client2.Control);
        await kernel.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("ok", reply.Content.GetString("status"));
        Assert.Equal("42", iopub.Single(m => m.MsgType == "execute_result").Content.GetObject("data").GetString("text/plain"));
        var log = (await kernel.Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(log.Length < 40, $"{log.Length} log lines for 500 connections:\n{string.Join('\n', log.Take(40))}");
    }
}
