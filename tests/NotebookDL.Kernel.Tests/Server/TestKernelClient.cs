using System.Text.Json.Nodes;
using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Tests.Server;

/// <summary>A Jupyter client built from this project's own transport, for in-process kernel tests.</summary>
public sealed class TestKernelClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly WireCodec codec;
    private readonly string session = Guid.NewGuid().ToString();

    private TestKernelClient(string key)
    {
        codec = new WireCodec(new MessageSigner(key));
        var identity = System.Text.Encoding.ASCII.GetBytes(session);
        Shell = new DealerSocket(identity);
        Control = new DealerSocket([.. identity, .. "-control"u8]);
        // Jupyter clients give stdin the shell's identity: the kernel routes input_request with the execute_request's.
        Stdin = new DealerSocket(identity);
    }

    public DealerSocket Stdin { get; }

    public DealerSocket Shell { get; }

    public DealerSocket Control { get; }

    public SubSocket IoPub { get; } = new();

    public ReqSocket Heartbeat { get; } = new();

    public static async Task<TestKernelClient> ConnectAsync(ConnectionInfo info, string? key = null)
    {
        var client = new TestKernelClient(key ?? info.Key);
        try
        {
            await client.Shell.ConnectAsync(info.Ip, info.ShellPort);
            await client.Control.ConnectAsync(info.Ip, info.ControlPort);
            await client.Stdin.ConnectAsync(info.Ip, info.StdinPort);
            await client.IoPub.ConnectAsync(info.Ip, info.IopubPort);
            await client.Heartbeat.ConnectAsync(info.Ip, info.HbPort);
        }
        catch
        {
            await client.DisposeAsync();   // a half-connected client would hold the kernel's connection slots
            throw;
        }
        client.IoPub.Subscribe([]);
        return client;
    }

    public JupyterMessage Send(DealerSocket socket, string msgType, JsonObject content)
    {
        var message = JupyterMessage.Create(MessageHeader.Create(msgType, session, "test"), content);
        socket.Send(codec.Encode(message));
        return message;
    }

    public JupyterMessage Execute(string code, bool stopOnError = true, bool allowStdin = false) => Send(Shell, "execute_request", new JsonObject
    {
        ["code"] = code, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = new JsonObject(),
        ["allow_stdin"] = allowStdin, ["stop_on_error"] = stopOnError,
    });

    /// <summary>Answers an input_request (with it as the parent, as the protocol says; jupyter_client leaves the parent empty).</summary>
    public JupyterMessage InputReply(JupyterMessage inputRequest, string value)
    {
        var message = JupyterMessage.Create(MessageHeader.Create("input_reply", session, "test"), new JsonObject { ["value"] = value }, inputRequest.HeaderAsParent());
        Stdin.Send(codec.Encode(message));
        return message;
    }

    public async Task<JupyterMessage> ReceiveAsync(ZmtpSocket socket, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Timeout);
        var frames = await socket.ReceiveAsync(cts.Token);
        return codec.Decode(frames, out var why) ?? throw new InvalidOperationException($"kernel sent an invalid message: {why}");
    }

    /// <summary>The iopub messages caused by <paramref name="request"/>, up to and including its idle status.</summary>
    public async Task<List<JupyterMessage>> IopubUntilIdleAsync(JupyterMessage request)
    {
        var messages = new List<JupyterMessage>();
        while (true)
        {
            var message = await ReceiveAsync(IoPub);
            if (message.ParentHeader.GetString("msg_id") != request.Header.MsgId) continue;
            messages.Add(message);
            if (message.MsgType == "status" && message.Content.GetString("execution_state") == "idle") return messages;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Shell.DisposeAsync();
        await Control.DisposeAsync();
        await Stdin.DisposeAsync();
        await IoPub.DisposeAsync();
        await Heartbeat.DisposeAsync();
    }
}
