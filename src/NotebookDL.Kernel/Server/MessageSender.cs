using System.Text;
using System.Text.Json.Nodes;
using NotebookDL.Kernel.Diagnostics;
using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Server;

/// <summary>
/// Builds, signs and sends the kernel's messages: replies on ROUTER channels and broadcasts on iopub. Outputs (stream,
/// display) are droppable on iopub for a front end that does not keep up; a subscriber that missed some gets a stderr
/// stream saying how many, parented to the latest request. Status, error and results are never dropped.
/// </summary>
public sealed class MessageSender
{
    private readonly WireCodec codec;
    private readonly KernelSockets sockets;
    private readonly string session;
    private readonly string username;
    private volatile JupyterMessage? lastParent;

    public MessageSender(WireCodec codec, KernelSockets sockets, string session, string username)
    {
        this.codec = codec;
        this.sockets = sockets;
        this.session = session;
        this.username = username;
        sockets.IoPub.DroppedNotice = DroppedNotice;
    }

    public string Session => session;

    public KernelSockets Sockets => sockets;

    public JupyterMessage Create(string msgType, JsonObject content, JupyterMessage? parent, IReadOnlyList<byte[]>? identities = null) =>
        JupyterMessage.Create(MessageHeader.Create(msgType, session, username), content, parent?.HeaderAsParent(), identities);

    /// <summary>Replies to <paramref name="request"/> on the socket it came in on, addressed by its routing identities.</summary>
    public void Reply(RouterSocket socket, JupyterMessage request, string msgType, JsonObject content, JsonObject? metadata = null)
    {
        var reply = Create(msgType, content, request, request.Identities);
        if (metadata is not null) reply = reply with { Metadata = metadata };
        if (!socket.Send(codec.Encode(reply))) Log.Warn($"could not deliver {msgType}: the client disconnected");
        Log.Debug($"reply -> {msgType}");
    }

    /// <summary>Sends a kernel-initiated request (input_request) to the client that sent <paramref name="parent"/>; returns its msg_id.</summary>
    public string Request(RouterSocket socket, JupyterMessage parent, string msgType, JsonObject content)
    {
        var request = Create(msgType, content, parent, parent.Identities);
        socket.Send(codec.Encode(request));
        return request.Header.MsgId;
    }

    /// <summary>Broadcasts on iopub with ipykernel's topic convention: "kernel.&lt;session&gt;.&lt;type&gt;", "stream.&lt;name&gt;".</summary>
    public void Publish(string msgType, JsonObject content, JupyterMessage? parent)
    {
        var topic = msgType == "stream" ? $"stream.{content.GetString("name")}" : $"kernel.{session}.{msgType}";
        var message = Create(msgType, content, parent, [Encoding.UTF8.GetBytes(topic)]);
        if (parent is not null) lastParent = parent;
        sockets.IoPub.Send(codec.Encode(message), droppable: msgType is "stream" or "display_data" or "update_display_data" or "clear_output");
        Log.Debug($"iopub -> {msgType}");
    }

    private List<byte[]> DroppedNotice(int count) => codec.Encode(Create("stream", new JsonObject
    {
        ["name"] = "stderr",
        ["text"] = $"\n[{count} output message(s) were dropped here: this front end was not reading them as fast as the cell produced them.]\n",
    }, lastParent, ["stream.stderr"u8.ToArray()]));

    public void Status(string state, JupyterMessage? parent) =>
        Publish("status", new JsonObject { ["execution_state"] = state }, parent);
}
