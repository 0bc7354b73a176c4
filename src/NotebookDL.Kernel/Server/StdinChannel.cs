using System.Text.Json.Nodes;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Server;

/// <summary>
/// The stdin channel runs backwards: the kernel asks (input_request, routed with the execute_request's
/// identities, which clients share between shell and stdin) and blocks the cell until the input_reply.
/// </summary>
public sealed class StdinChannel(MessageSender sender, MessageReceiver replies)
{
    public string? ReadLine(JupyterMessage parent, string prompt, bool password, CancellationToken interrupt)
    {
        sender.Request(sender.Sockets.Stdin, parent,
            "input_request", new JsonObject { ["prompt"] = prompt, ["password"] = password });
        try
        {
            while (true)
            {
                var (_, reply) = replies.ReceiveAsync(interrupt).AsTask().GetAwaiter().GetResult();
                if (reply.MsgType == "input_reply") return reply.Content.GetString("value");
            }
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            throw new CellInterruptedException(interrupt);
        }
    }
}
