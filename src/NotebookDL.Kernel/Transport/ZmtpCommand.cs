using System.Buffers.Binary;
using System.Text;

namespace NotebookDL.Kernel.Transport;

/// <summary>A ZMTP command frame body: a short name (READY, ERROR, SUBSCRIBE, CANCEL, PING, PONG) and its data.</summary>
public sealed record ZmtpCommand(string Name, byte[] Data)
{
    public const string Ready = "READY";
    public const string Error = "ERROR";
    public const string Subscribe = "SUBSCRIBE";
    public const string Cancel = "CANCEL";
    public const string Ping = "PING";
    public const string Pong = "PONG";

    public byte[] ToBody()
    {
        var name = Encoding.ASCII.GetBytes(Name);
        if (name.Length is 0 or > 255) throw new ArgumentException($"command name '{Name}' must be 1 to 255 characters");
        var body = new byte[1 + name.Length + Data.Length];
        body[0] = (byte)name.Length;
        name.CopyTo(body, 1);
        Data.CopyTo(body, 1 + name.Length);
        return body;
    }

    public static ZmtpCommand Parse(byte[] body)
    {
        if (body.Length == 0 || body[0] == 0 || body.Length < 1 + body[0])
            throw new ZmtpProtocolException("malformed command frame");
        int nameLength = body[0];
        return new ZmtpCommand(Encoding.ASCII.GetString(body, 1, nameLength), body[(1 + nameLength)..]);
    }

    /// <summary>READY with its metadata properties (name as short string, value with a 4-octet big-endian size).</summary>
    public static ZmtpCommand CreateReady(IEnumerable<KeyValuePair<string, byte[]>> properties)
    {
        using var data = new MemoryStream();
        Span<byte> size = stackalloc byte[4];
        foreach (var (name, value) in properties)
        {
            var nameBytes = Encoding.ASCII.GetBytes(name);
            data.WriteByte((byte)nameBytes.Length);
            data.Write(nameBytes);
            BinaryPrimitives.WriteInt32BigEndian(size, value.Length);
            data.Write(size);
            data.Write(value);
        }
        return new ZmtpCommand(Ready, data.ToArray());
    }

    /// <summary>Reads READY's metadata; property names are case-insensitive per RFC 37.</summary>
    public Dictionary<string, byte[]> ReadProperties()
    {
        var properties = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var span = Data.AsSpan();
        while (span.Length > 0)
        {
            int nameLength = span[0];
            if (nameLength == 0 || span.Length < 1 + nameLength + 4) throw new ZmtpProtocolException("malformed READY metadata");
            var name = Encoding.ASCII.GetString(span.Slice(1, nameLength));
            span = span[(1 + nameLength)..];
            int valueLength = BinaryPrimitives.ReadInt32BigEndian(span);
            if (valueLength < 0 || span.Length < 4 + valueLength) throw new ZmtpProtocolException("malformed READY metadata value");
            properties[name] = span.Slice(4, valueLength).ToArray();
            span = span[(4 + valueLength)..];
        }
        return properties;
    }

    public static ZmtpCommand CreateError(string reason)
    {
        var text = Encoding.ASCII.GetBytes(reason.Length > 255 ? reason[..255] : reason);
        return new ZmtpCommand(Error, [(byte)text.Length, .. text]);
    }

    /// <summary>PONG echoes the PING's context (the octets after the 2-octet TTL), at most 16 octets.</summary>
    public ZmtpCommand ToPong()
    {
        var context = Data.Length > 2 ? Data[2..Math.Min(Data.Length, 18)] : [];
        return new ZmtpCommand(Pong, context);
    }
}
