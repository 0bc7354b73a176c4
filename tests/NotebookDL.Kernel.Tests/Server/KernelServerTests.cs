using System.Diagnostics;
using System.Text.Json.Nodes;
using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Server;

namespace NotebookDL.Kernel.Tests.Server;

/// <summary>One in-process kernel on ephemeral ports, talked to through the project's own transport.</summary>
public class KernelFixture : IAsyncLifetime
{
    public const string Key = "test-key";

    /// <summary>iopub's limits for this kernel; null keeps the kernel's own.</summary>
    protected virtual NotebookDL.Kernel.Transport.TransportLimits? IopubLimits => null;

    public KernelServer Server { get; private set; } = null!;

    public TestKernelClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = KernelServer.Start(new ConnectionInfo("tcp", "127.0.0.1", 0, 0, 0, 0, 0, Key, "hmac-sha256", "notebookdl-csharp"), iopubLimits: IopubLimits);
        Client = await TestKernelClient.ConnectAsync(Server.Sockets.Bound);
        Assert.True(await Server.Sockets.IoPub.WaitForSubscriberAsync(TimeSpan.FromSeconds(10)));
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
    }
}

[Collection("cells")]
public class KernelServerTests(KernelFixture kernel) : IClassFixture<KernelFixture>
{
    private TestKernelClient Client => kernel.Client;

    [Fact]
    public async Task Kernel_info_is_answered_between_busy_and_idle_with_the_request_as_parent()
    {
        var request = Client.Send(Client.Shell, "kernel_info_request", []);

        var reply = await Client.ReceiveAsync(Client.Shell);
        var iopub = await Client.IopubUntilIdleAsync(request);

        Assert.Equal("kernel_info_reply", reply.MsgType);
        Assert.Equal(request.Header.MsgId, reply.ParentHeader.GetString("msg_id"));
        Assert.Equal("C#", reply.Content.GetObject("language_info").GetString("name"));
        Assert.Equal("text/x-csharp", reply.Content.GetObject("language_info").GetString("mimetype"));
        Assert.Equal(["busy", "idle"], iopub.Select(m => m.Content.GetString("execution_state")));
    }

    [Fact]
    public async Task Execute_publishes_input_stream_and_result_then_replies()
    {
        var request = Client.Execute("Console.WriteLine(\"hi\");\n6 * 7");

        var reply = await Client.ReceiveAsync(Client.Shell);
        var iopub = await Client.IopubUntilIdleAsync(request);

        Assert.Equal("ok", reply.Content.GetString("status"));
        Assert.Equal(["status", "execute_input", "stream", "execute_result", "status"], iopub.Select(m => m.MsgType));
        Assert.Equal("hi\n", iopub[2].Content.GetString("text").ReplaceLineEndings("\n"));
        Assert.Equal("42", iopub[3].Content.GetObject("data").GetString("text/plain"));
        Assert.Equal(reply.Content.GetInt("execution_count", -1), iopub[3].Content.GetInt("execution_count", -2));
    }

    [Fact]
    public async Task Errors_carry_the_same_ename_on_iopub_and_in_the_reply_and_abort_queued_cells()
    {
        var failing = Client.Execute("throw new ArgumentException(\"nope\");");
        var queued = Client.Execute("Console.WriteLine(\"must not run\");");

        var first = await Client.ReceiveAsync(Client.Shell);
        var second = await Client.ReceiveAsync(Client.Shell);
        var iopub = await Client.IopubUntilIdleAsync(failing);
        var queuedIopub = await Client.IopubUntilIdleAsync(queued);

        Assert.Equal("error", first.Content.GetString("status"));
        Assert.Equal("ArgumentException", first.Content.GetString("ename"));
        Assert.Equal("ArgumentException", iopub.Single(m => m.MsgType == "error").Content.GetString("ename"));
        Assert.Equal("aborted", second.Content.GetString("status"));
        Assert.DoesNotContain(queuedIopub, m => m.MsgType == "stream");

        var after = Client.Execute("1");
        Assert.Equal("ok", (await Client.ReceiveAsync(Client.Shell)).Content.GetString("status"));
        await Client.IopubUntilIdleAsync(after);
    }

    [Fact]
    public async Task User_expressions_are_evaluated_after_the_cell()
    {
        var request = Client.Send(Client.Shell, "execute_request", new JsonObject
        {
            ["code"] = "var answer = 41;", ["silent"] = false, ["store_history"] = true, ["allow_stdin"] = false, ["stop_on_error"] = true,
            ["user_expressions"] = new JsonObject { ["next"] = "answer + 1", ["broken"] = "answer +" },
        });

        var reply = await Client.ReceiveAsync(Client.Shell);
        await Client.IopubUntilIdleAsync(request);

        var expressions = reply.Content.GetObject("user_expressions");
        Assert.Equal("42", expressions.GetObject("next").GetObject("data").GetString("text/plain"));
        Assert.Equal("error", expressions.GetObject("broken").GetString("status"));
        Assert.Equal("CompilationError", expressions.GetObject("broken").GetString("ename"));
    }

    [Fact]
    public async Task A_wrongly_signed_request_gets_no_reply()
    {
        await using var forger = await TestKernelClient.ConnectAsync(kernel.Server.Sockets.Bound, key: "wrong-key");
        forger.Execute("Console.WriteLine(\"forged\");");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => forger.ReceiveAsync(forger.Shell, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Interrupt_on_control_stops_a_busy_loop_within_a_second()
    {
        var request = Client.Execute("while (true) { }");
        await Task.Delay(500);
        var watch = Stopwatch.StartNew();
        var interrupt = Client.Send(Client.Control, "interrupt_request", []);

        var interruptReply = await Client.ReceiveAsync(Client.Control);
        var reply = await Client.ReceiveAsync(Client.Shell);

        Assert.Equal("interrupt_reply", interruptReply.MsgType);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Equal("KeyboardInterrupt", reply.Content.GetString("ename"));
        // The interrupt's own busy/idle may come before or after the cell's; only the cell's idle is awaited.
        await Client.IopubUntilIdleAsync(request);
        Assert.Equal(interrupt.Header.MsgId, interruptReply.ParentHeader.GetString("msg_id"));
    }

    [Fact]
    public async Task Heartbeat_echoes()
    {
        Client.Heartbeat.Send(["ping"u8.ToArray()]);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.Equal("ping"u8.ToArray(), (await Client.Heartbeat.ReceiveAsync(cts.Token))[0]);
    }

    [Fact]
    public async Task Completion_inspection_completeness_and_history()
    {
        Client.Send(Client.Shell, "complete_request", new JsonObject { ["code"] = "var list = new List<int>();\nlist.Ad", ["cursor_pos"] = 35 });
        var complete = await Client.ReceiveAsync(Client.Shell);
        Assert.Contains("Add", complete.Content["matches"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(33, complete.Content.GetInt("cursor_start", -1));

        Client.Send(Client.Shell, "inspect_request", new JsonObject { ["code"] = "Math.Sqrt", ["cursor_pos"] = 9, ["detail_level"] = 0 });
        var inspect = await Client.ReceiveAsync(Client.Shell);
        Assert.True(inspect.Content.GetBool("found", false));
        Assert.Contains("Sqrt(double", inspect.Content.GetObject("data").GetString("text/plain"));

        Client.Send(Client.Shell, "is_complete_request", new JsonObject { ["code"] = "if (true) {\n  if (true) {" });
        var isComplete = await Client.ReceiveAsync(Client.Shell);
        Assert.Equal("incomplete", isComplete.Content.GetString("status"));
        Assert.Equal("        ", isComplete.Content.GetString("indent"));

        Client.Send(Client.Shell, "history_request", new JsonObject { ["output"] = false, ["raw"] = true, ["hist_access_type"] = "tail", ["n"] = 1 });
        var history = await Client.ReceiveAsync(Client.Shell);
        Assert.Equal("ok", history.Content.GetString("status"));
    }

    [Fact]
    public async Task Stdin_LateAnswerToAnInterruptedPrompt_DoesNotAnswerTheNextPrompt()
    {
        var first = Client.Execute("Console.ReadLine()", allowStdin: true);
        var firstPrompt = await Client.ReceiveAsync(Client.Stdin);
        Client.Send(Client.Control, "interrupt_request", []);
        await Client.ReceiveAsync(Client.Control);
        await Client.ReceiveAsync(Client.Shell);
        await Client.IopubUntilIdleAsync(first);

        Client.InputReply(firstPrompt, "stale");          // the answer arrives after its prompt was interrupted
        await Task.Delay(200);
        var second = Client.Execute("Console.ReadLine()", allowStdin: true);
        var secondPrompt = await Client.ReceiveAsync(Client.Stdin);
        Client.InputReply(firstPrompt, "stale again");    // and once more, while the new prompt waits
        Client.InputReply(secondPrompt, "fresh");
        await Client.ReceiveAsync(Client.Shell);
        var iopub = await Client.IopubUntilIdleAsync(second);

        Assert.Equal("input_request", firstPrompt.MsgType);
        var result = Assert.Single(iopub, m => m.MsgType == "execute_result");
        Assert.Equal("fresh", result.Content.GetObject("data").GetString("text/plain"));
    }
}

