using System.Text.Json.Nodes;
using NotebookDL.Kernel.Diagnostics;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Server;

/// <summary>
/// The stdin channel runs backwards: the kernel asks (input_request, routed with the execute_request's
/// identities, which clients share between shell and stdin) and blocks the cell until the input_reply.
/// A reply that comes late, after its prompt was interrupted, must not answer the next prompt: replies queued
/// before a prompt is sent are dropped, and so is one whose parent names an earlier request. (jupyter_client sends
/// input_reply without a parent header, so a reply without one is taken as the answer to the current prompt.)
/// </summary>
public sealed class StdinChannel(MessageSender sender, MessageReceiver replies)
{
    public string? ReadLine(JupyterMessage parent, string prompt, bool password, CancellationToken interrupt)
    {
        var stale = replies.DiscardPending();
        if (stale > 0) Log.Debug($"dropped {stale} stale stdin message(s) before a new prompt");
        var requestId = sender.Request(sender.Sockets.Stdin, parent,
            "input_request", new JsonObject { ["prompt"] = prompt, ["password"] = password });
        try
        {
            while (true)
            {
                var (_, reply) = replies.ReceiveAsync(interrupt).AsTask().GetAwaiter().GetResult();
                if (reply.MsgType != "input_reply") continue;
                var answers = reply.ParentHeader.TryGetPropertyValue("msg_id", out var id) && id is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
                if (answers is null || answers.Length == 0 || answers == requestId) return reply.Content.GetString("value");
                Log.Debug($"dropped an input_reply to an earlier prompt ({answers})");
            }
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            throw new CellInterruptedException(interrupt);
        }
    }
}
