using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Protocol;

/// <summary>
/// A Jupyter message: routing identities, header, parent header, metadata, content and raw buffers.
/// The parent header is kept as received JSON so replies echo the request's header exactly, extra fields included.
/// </summary>
public sealed record JupyterMessage
{
    public IReadOnlyList<byte[]> Identities { get; init; } = [];

    public required MessageHeader Header { get; init; }

    /// <summary>The header as it arrived (or as it will be sent); children copy it into their parent_header.</summary>
    public JsonObject RawHeader { get; init; } = [];

    public JsonObject ParentHeader { get; init; } = [];

    public JsonObject Metadata { get; init; } = [];

    public JsonObject Content { get; init; } = [];

    public IReadOnlyList<byte[]> Buffers { get; init; } = [];

    public string MsgType => Header.MsgType;

    public static JupyterMessage Create(MessageHeader header, JsonObject content, JsonObject? parentHeader = null,
        IReadOnlyList<byte[]>? identities = null) => new()
    {
        Header = header,
        RawHeader = header.ToJson(),
        Content = content,
        ParentHeader = parentHeader ?? [],
        Identities = identities ?? [],
    };

    /// <summary>The parent header for a message caused by this one: a deep copy of this message's header.</summary>
    public JsonObject HeaderAsParent() => (JsonObject)RawHeader.DeepClone();
}
