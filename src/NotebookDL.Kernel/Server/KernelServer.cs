using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using NotebookDL.Kernel.Diagnostics;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Language;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Server;

/// <summary>
/// The Jupyter kernel: binds the channels, then serves shell requests one at a time and control requests
/// (interrupt, shutdown, kernel_info) concurrently, with status busy/idle around every request.
/// </summary>
public sealed class KernelServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource<bool> shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MessageSender sender;
    private readonly MessageReceiver shell, control, stdinReplies;
    private readonly Interpreter interpreter;
    private readonly ExecuteHandler execute;
    private readonly HistoryStore history = new();
    private readonly CodeCompletion completion;
    private readonly CodeInspection inspection;
    private readonly List<Task> loops = [];

    private KernelServer(KernelSockets sockets, ConnectionInfo info, Interpreter interpreter)
    {
        Sockets = sockets;
        this.interpreter = interpreter;
        var codec = new WireCodec(new MessageSigner(info.Key, info.SignatureScheme));
        var replayGuard = new ReplayGuard();
        sender = new MessageSender(codec, sockets, Guid.NewGuid().ToString(), Environment.UserName);
        shell = new MessageReceiver("shell", sockets.Shell, codec, replayGuard, stop.Token);
        control = new MessageReceiver("control", sockets.Control, codec, replayGuard, stop.Token);
        stdinReplies = new MessageReceiver("stdin", sockets.Stdin, codec, replayGuard, stop.Token);
        completion = new CodeCompletion(interpreter.Session);
        inspection = new CodeInspection(interpreter.Session);
        execute = new ExecuteHandler(interpreter, sender, new StdinChannel(sender, stdinReplies), history, inspection);
    }

    public KernelSockets Sockets { get; }

    /// <summary>Completes with true when a client asked for a restart, false for a final shutdown.</summary>
    public Task<bool> ShutdownRequested => shutdown.Task;

    /// <summary>Binds every port first, then starts Roslyn warming up in the background.</summary>
    public static KernelServer Start(ConnectionInfo info, Interpreter? interpreter = null, Transport.TransportLimits? iopubLimits = null)
    {
        var sockets = KernelSockets.Bind(info, iopubLimits);
        var server = new KernelServer(sockets, info, interpreter ?? new Interpreter());
        server.sender.Status("starting", null);
        server.loops.Add(Task.Run(server.ShellLoopAsync));
        server.loops.Add(Task.Run(server.ControlLoopAsync));
        _ = server.interpreter.Session.WarmUpAsync();
        return server;
    }

    private async Task ShellLoopAsync()
    {
        try
        {
            while (true)
            {
                var (sequence, request) = await shell.ReceiveAsync(stop.Token).ConfigureAwait(false);
                await ServeAsync(request, () => DispatchShellAsync(request, sequence)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }

    private async Task ControlLoopAsync()
    {
        try
        {
            while (true)
            {
                var (_, request) = await control.ReceiveAsync(stop.Token).ConfigureAwait(false);
                await ServeAsync(request, () => DispatchControlAsync(request)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }

    private async Task ServeAsync(JupyterMessage request, Func<Task> handle)
    {
        sender.Status("busy", request);
        try
        {
            await handle().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.Error($"handling {request.MsgType} failed", ex);
            var error = ErrorFormatter.FromException(ex).ToJson();
            error["status"] = "error";
            if (request.MsgType.EndsWith("_request", StringComparison.Ordinal))
                sender.Reply(request.MsgType == "shutdown_request" || request.MsgType == "interrupt_request" ? Sockets.Control : Sockets.Shell,
                    request, request.MsgType.Replace("_request", "_reply", StringComparison.Ordinal), error);
        }
        finally
        {
            sender.Status("idle", request);
        }
    }

    private async Task DispatchShellAsync(JupyterMessage request, long sequence)
    {
        var content = request.Content;
        switch (request.MsgType)
        {
            case "execute_request":
                await execute.HandleAsync(request, sequence, () => shell.LastSequence).ConfigureAwait(false);
                break;
            case "kernel_info_request":
                sender.Reply(Sockets.Shell, request, "kernel_info_reply", KernelInfo.Content());
                break;
            case "complete_request":
                var code = content.GetString("code");
                sender.Reply(Sockets.Shell, request, "complete_reply",
                    await completion.CompleteAsync(code, content.GetInt("cursor_pos", code.Length)).ConfigureAwait(false));
                break;
            case "inspect_request":
                var source = content.GetString("code");
                sender.Reply(Sockets.Shell, request, "inspect_reply", await inspection.InspectAsync(
                    source, content.GetInt("cursor_pos", source.Length), content.GetInt("detail_level", 0)).ConfigureAwait(false));
                break;
            case "is_complete_request":
                sender.Reply(Sockets.Shell, request, "is_complete_reply", CompletenessChecker.Check(content.GetString("code")));
                break;
            case "history_request":
                sender.Reply(Sockets.Shell, request, "history_reply", history.Reply(content));
                break;
            case "comm_info_request":
                sender.Reply(Sockets.Shell, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "comm_open":
                // No comm targets exist here: tell the frontend the comm is closed, as ipykernel does for unknown targets.
                sender.Publish("comm_close", new JsonObject { ["comm_id"] = content.GetString("comm_id"), ["data"] = new JsonObject() }, request);
                break;
            case "connect_request":
                sender.Reply(Sockets.Shell, request, "connect_reply", ConnectReply());
                break;
            case "shutdown_request": // deprecated on shell, still sent by old clients
                Shutdown(Sockets.Shell, request);
                break;
            default:
                Log.Debug($"ignoring shell message {request.MsgType}");
                break;
        }
    }

    private Task DispatchControlAsync(JupyterMessage request)
    {
        switch (request.MsgType)
        {
            case "interrupt_request":
                CellCancellation.Interrupt();
                sender.Reply(Sockets.Control, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                Shutdown(Sockets.Control, request);
                break;
            case "kernel_info_request":
                sender.Reply(Sockets.Control, request, "kernel_info_reply", KernelInfo.Content());
                break;
            default:
                Log.Debug($"ignoring control message {request.MsgType}");
                break;
        }
        return Task.CompletedTask;
    }

    private void Shutdown(Transport.RouterSocket socket, JupyterMessage request)
    {
        bool restart = request.Content.GetBool("restart", false);
        CellCancellation.Interrupt();
        sender.Reply(socket, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
        shutdown.TrySetResult(restart);
    }

    private JsonObject ConnectReply() => new()
    {
        ["status"] = "ok",
        ["shell_port"] = Sockets.Bound.ShellPort,
        ["iopub_port"] = Sockets.Bound.IopubPort,
        ["stdin_port"] = Sockets.Bound.StdinPort,
        ["hb_port"] = Sockets.Bound.HbPort,
        ["control_port"] = Sockets.Bound.ControlPort,
    };

    /// <summary>Runs until shutdown_request, SIGTERM, or the launching process (JPY_PARENT_PID) exits.</summary>
    public async Task<int> RunUntilShutdownAsync()
    {
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            // Ctrl+C in a terminal frontend, or a signal-mode interrupt: stop the cell, keep the kernel.
            context.Cancel = true;
            CellCancellation.Interrupt();
        });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            shutdown.TrySetResult(false);
        });
        _ = WatchParentAsync();
        await shutdown.Task.ConfigureAwait(false);
        // Let the final reply and idle status reach the client before the sockets close.
        await Task.Delay(50).ConfigureAwait(false);
        return 0;
    }

    private async Task WatchParentAsync()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var pid) || pid <= 1) return;
        while (!shutdown.Task.IsCompleted)
        {
            await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            try
            {
                using var parent = Process.GetProcessById(pid);
                if (parent.HasExited) break;
            }
            catch (ArgumentException)
            {
                break;
            }
        }
        if (!shutdown.Task.IsCompleted) Log.Info($"parent process {pid} is gone; shutting down");
        shutdown.TrySetResult(false);
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Sockets.DisposeAsync().ConfigureAwait(false);
    }
}
