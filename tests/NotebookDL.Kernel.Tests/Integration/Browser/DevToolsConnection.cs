using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Tests.Integration.Browser;

/// <summary>
/// A minimal Chrome DevTools Protocol client over the browser's one WebSocket: commands are matched to their replies
/// by id, and a page's commands carry the session id that Target.attachToTarget (flatten) gave it. The page's console
/// messages and uncaught exceptions are kept, so a failing step can say what the page complained about.
/// </summary>
public sealed class DevToolsConnection : IAsyncDisposable
{
    private const int KeptConsoleLines = 200;
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> pending = new();
    private readonly ConcurrentQueue<string> console = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly CancellationTokenSource closing = new();
    private Task receiving = Task.CompletedTask;
    private int lastId;

    public static async Task<DevToolsConnection> ConnectAsync(Uri browserEndpoint, TimeSpan timeout)
    {
        var connection = new DevToolsConnection();
        using var connecting = new CancellationTokenSource(timeout);
        await connection.socket.ConnectAsync(browserEndpoint, connecting.Token);
        connection.receiving = Task.Run(connection.ReceiveAsync);
        return connection;
    }

    /// <summary>The page's latest console messages and uncaught exceptions, oldest first.</summary>
    public IReadOnlyList<string> ConsoleLines => [.. console];

    /// <summary>Sends one command and returns its result; a protocol error or a missing reply throws, naming the command.</summary>
    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, string? sessionId = null, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref lastId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (sessionId is not null) message["sessionId"] = sessionId;
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        JsonObject answer;
        try
        {
            await sending.WaitAsync(closing.Token);
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, closing.Token);
            }
            finally
            {
                sending.Release();
            }
            answer = await reply.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"DevTools {method} got no reply within {limit.TotalSeconds:0} s");
        }
        finally
        {
            pending.TryRemove(id, out _);
        }
        if (answer["error"] is { } error) throw new InvalidOperationException($"DevTools {method} failed: {error.ToJsonString()}");
        return answer["result"] as JsonObject ?? [];
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, closing.Token);
                if (received.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage) continue;
                if (JsonNode.Parse(message.ToArray()) is JsonObject parsed) Dispatch(parsed);
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // the browser went away or we are closing; waiting commands fail below with a clear message
        }
        foreach (var waiting in pending.Values) waiting.TrySetException(new IOException("the DevTools connection to Chromium closed"));
    }

    private void Dispatch(JsonObject message)
    {
        if (message["id"] is JsonValue id)
        {
            if (pending.TryGetValue(id.GetValue<int>(), out var waiting)) waiting.TrySetResult(message);
            return;
        }
        var parameters = message["params"];
        var line = message["method"]?.GetValue<string>() switch
        {
            "Runtime.consoleAPICalled" => $"console.{parameters?["type"]}: " +
                string.Join(" ", parameters?["args"]?.AsArray().Select(a => (a?["value"] ?? a?["description"])?.ToString()) ?? []),
            "Runtime.exceptionThrown" => "uncaught: " +
                (parameters?["exceptionDetails"]?["exception"]?["description"] ?? parameters?["exceptionDetails"]?["text"])?.ToString(),
            _ => null,
        };
        if (line is null) return;
        console.Enqueue(line.Length > 300 ? line[..300] + "…" : line);
        while (console.Count > KeptConsoleLines) console.TryDequeue(out _);
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        try
        {
            await receiving;
        }
        catch (OperationCanceledException)
        {
            // closing
        }
        socket.Dispose();
        sending.Dispose();
        closing.Dispose();
    }
}
