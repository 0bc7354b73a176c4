using System.Text;
using System.Text.Json;

namespace NotebookDL.Kernel.Protocol;

/// <summary>
/// The Jupyter wire format: routing identities, the "&lt;IDS|MSG&gt;" delimiter, the HMAC signature, four JSON
/// dicts (header, parent header, metadata, content) and raw buffers.
/// </summary>
public sealed class WireCodec(MessageSigner signer)
{
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    public MessageSigner Signer => signer;

    public List<byte[]> Encode(JupyterMessage message)
    {
        var header = Json.ToUtf8(message.RawHeader);
        var parent = Json.ToUtf8(message.ParentHeader);
        var metadata = Json.ToUtf8(message.Metadata);
        var content = Json.ToUtf8(message.Content);
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(signer.Sign(header, parent, metadata, content));
        frames.Add(header);
        frames.Add(parent);
        frames.Add(metadata);
        frames.Add(content);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>
    /// Decodes and authenticates. Returns null with a reason for anything malformed or not signed with our key;
    /// callers log the reason and drop the message: it must never be acted on.
    /// </summary>
    public JupyterMessage? Decode(IReadOnlyList<byte[]> frames, out string? rejection)
    {
        rejection = null;
        int delimiter = -1;
        for (int i = 0; i < frames.Count; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) { delimiter = i; break; }
        if (delimiter < 0) { rejection = "no <IDS|MSG> delimiter"; return null; }
        if (frames.Count < delimiter + 6) { rejection = $"only {frames.Count - delimiter - 1} frames after the delimiter, need 5"; return null; }

        var signature = frames[delimiter + 1];
        var header = frames[delimiter + 2];
        var parent = frames[delimiter + 3];
        var metadata = frames[delimiter + 4];
        var content = frames[delimiter + 5];
        if (!signer.Verify(signature, header, parent, metadata, content))
        {
            rejection = signature.Length == 0 ? "unsigned message" : "invalid signature";
            return null;
        }

        try
        {
            var rawHeader = Json.ParseObject(header);
            return new JupyterMessage
            {
                Identities = frames.Take(delimiter).ToArray(),
                Header = MessageHeader.FromJson(rawHeader),
                RawHeader = rawHeader,
                ParentHeader = Json.ParseObject(parent),
                Metadata = Json.ParseObject(metadata),
                Content = Json.ParseObject(content),
                Buffers = frames.Skip(delimiter + 6).ToArray(),
            };
        }
        catch (JsonException ex)
        {
            rejection = $"malformed JSON: {ex.Message}";
            return null;
        }
    }

    public static string Describe(IReadOnlyList<byte[]> frames) =>
        string.Join(" | ", frames.Select(f => f.Length > 40 ? $"{f.Length} bytes" : Encoding.UTF8.GetString(f)));
}
