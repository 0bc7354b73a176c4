using System.Text.Json.Nodes;
using NotebookDL.Kernel.Display;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Language;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Server;

/// <summary>
/// execute_request: execute_input, the cell's outputs, execute_result or error, then the reply. A failed cell
/// with stop_on_error makes the requests queued behind it by the time it failed come back "aborted" without running
/// (as ipykernel does: a request sent while the failing cell ran is aborted too, however the network split them).
/// </summary>
public sealed class ExecuteHandler(Interpreter interpreter, MessageSender sender, StdinChannel stdin, HistoryStore history, CodeInspection inspection)
{
    private long abortThrough;

    public int ExecutionCount { get; private set; }

    /// <param name="lastQueued">The sequence number of the newest request received so far, read when a cell fails.</param>
    public async Task HandleAsync(JupyterMessage request, long sequence, Func<long> lastQueued)
    {
        var content = request.Content;
        var code = content.GetString("code");
        bool silent = content.GetBool("silent", false);
        bool storeHistory = !silent && content.GetBool("store_history", true);
        bool stopOnError = content.GetBool("stop_on_error", true);

        if (sequence <= Interlocked.Read(ref abortThrough))
        {
            sender.Reply(sender.Sockets.Shell, request, "execute_reply",
                new JsonObject { ["status"] = "aborted", ["execution_count"] = ExecutionCount });
            return;
        }

        if (storeHistory) ExecutionCount++;
        int count = ExecutionCount;
        if (!silent) sender.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);

        var output = new IopubCellOutput(sender, request, silent, content.GetBool("allow_stdin", false), stdin);
        var payload = new JsonArray();
        var result = HelpRequest(code) is var (target, detail)
            ? await HelpAsync(target, detail, payload, output).ConfigureAwait(false)
            : await interpreter.ExecuteAsync(code, $"In[{count}]", output).ConfigureAwait(false);

        if (result.Value is { } value && !silent)
            sender.Publish("execute_result", new JsonObject { ["execution_count"] = count, ["data"] = value, ["metadata"] = PictureMetadata.For(value) }, request);
        if (storeHistory) history.Add(count, code, result.Value?["text/plain"]?.GetValue<string>());

        JsonObject reply;
        if (result.Error is { } error)
        {
            if (!silent) sender.Publish("error", error.ToJson(), request);
            reply = error.ToJson();
            reply["status"] = "error";
            if (stopOnError) Interlocked.Exchange(ref abortThrough, lastQueued());
        }
        else
        {
            reply = new JsonObject
            {
                ["status"] = "ok",
                ["payload"] = payload,
                ["user_expressions"] = await EvaluateAsync(content.GetObject("user_expressions")).ConfigureAwait(false),
            };
        }
        reply["execution_count"] = count;
        sender.Reply(sender.Sockets.Shell, request, "execute_reply", reply, new JsonObject { ["status"] = reply["status"]?.DeepClone() });
    }

    /// <summary>"Console.WriteLine?" (or "??" for more detail) asks for help, as in IPython; a lone C# line never ends in '?'.</summary>
    private static (string Target, int Detail)? HelpRequest(string code)
    {
        var line = code.Trim();
        if (!line.EndsWith('?') || line.Contains('\n') || line.Contains(';')) return null;
        int detail = line.EndsWith("??", StringComparison.Ordinal) ? 1 : 0;
        var target = line.TrimEnd('?').Trim();
        return target.Length == 0 ? null : (target, detail);
    }

    /// <summary>Help goes to the pager (a "page" payload), which frontends show beside the notebook, not in it.</summary>
    private async Task<CellResult> HelpAsync(string target, int detail, JsonArray payload, ICellOutput output)
    {
        var reply = await inspection.InspectAsync(target, target.Length, detail).ConfigureAwait(false);
        if (reply.GetBool("found", false))
            payload.Add(new JsonObject { ["source"] = "page", ["data"] = reply["data"]?.DeepClone(), ["start"] = 0 });
        else
            output.WriteStream("stdout", $"Nothing named `{target}` was found.\n");
        return CellResult.Empty;
    }

    private async Task<JsonObject> EvaluateAsync(JsonObject expressions)
    {
        var results = new JsonObject();
        foreach (var (name, node) in expressions)
        {
            var expression = node?.GetValue<string>() ?? "";
            try
            {
                var data = await interpreter.Session.EvaluateToBundleAsync(expression).ConfigureAwait(false);
                results[name] = new JsonObject { ["status"] = "ok", ["data"] = data, ["metadata"] = new JsonObject() };
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var error = ex is Microsoft.CodeAnalysis.Scripting.CompilationErrorException compile
                    ? ErrorFormatter.FromDiagnostics(compile.Diagnostics, expression, name)
                    : ErrorFormatter.FromException(ex);
                var json = error.ToJson();
                json["status"] = "error";
                results[name] = json;
            }
        }
        return results;
    }
}
