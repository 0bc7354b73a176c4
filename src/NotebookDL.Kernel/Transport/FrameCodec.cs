using System.Buffers.Binary;

namespace NotebookDL.Kernel.Transport;

/// <summary>Encodes and decodes ZMTP 3.x frames: a flags octet, a 1- or 8-octet big-endian size, the body.</summary>
public static class FrameCodec
{
    /// <summary>Frames up to this size are allocated whole; bigger ones grow as their octets arrive.</summary>
    private const int WholeAllocationLimit = 1 << 20;

    public static int EncodedLength(int bodyLength) => bodyLength + (bodyLength > 255 ? 9 : 2);

    /// <summary>Writes one frame into <paramref name="destination"/> and returns the octets written.</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> body, bool more, bool command = false)
    {
        byte flags = (byte)((more ? ZmtpFrame.MoreFlag : 0) | (command ? ZmtpFrame.CommandFlag : 0));
        int offset;
        if (body.Length > 255)
        {
            destination[0] = (byte)(flags | ZmtpFrame.LongFlag);
            BinaryPrimitives.WriteUInt64BigEndian(destination[1..], (ulong)body.Length);
            offset = 9;
        }
        else
        {
            destination[0] = flags;
            destination[1] = (byte)body.Length;
            offset = 2;
        }
        body.CopyTo(destination[offset..]);
        return offset + body.Length;
    }

    /// <summary>Encodes a whole multipart message into one buffer so it goes out in a single write (atomic send).</summary>
    public static byte[] EncodeMessage(IReadOnlyList<byte[]> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("a message has at least one part", nameof(parts));
        int total = 0;
        foreach (var part in parts) total += EncodedLength(part.Length);
        var buffer = new byte[total];
        int offset = 0;
        for (int i = 0; i < parts.Count; i++)
            offset += Write(buffer.AsSpan(offset), parts[i], more: i < parts.Count - 1);
        return buffer;
    }

    public static byte[] EncodeCommand(ZmtpCommand command)
    {
        var body = command.ToBody();
        var buffer = new byte[EncodedLength(body.Length)];
        Write(buffer, body, more: false, command: true);
        return buffer;
    }

    /// <summary>
    /// Reads one frame of at most <paramref name="maxSize"/> octets; throws EndOfStreamException when the peer closed the
    /// connection. A big frame's buffer grows with the octets that actually arrive, so a header that merely claims a
    /// large size costs nothing.
    /// </summary>
    public static async ValueTask<ZmtpFrame> ReadAsync(Stream stream, long maxSize, CancellationToken cancellationToken)
    {
        var header = new byte[9];
        await stream.ReadExactlyAsync(header.AsMemory(0, 2), cancellationToken).ConfigureAwait(false);
        byte flags = header[0];
        if ((flags & 0xF8) != 0) throw new ZmtpProtocolException($"reserved frame flag bits set (0x{flags:X2})");
        ulong size = header[1];
        if ((flags & ZmtpFrame.LongFlag) != 0)
        {
            await stream.ReadExactlyAsync(header.AsMemory(2, 7), cancellationToken).ConfigureAwait(false);
            size = BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(1, 8));
        }
        if (size > (ulong)Math.Clamp(maxSize, 0, Array.MaxLength)) throw new ZmtpProtocolException($"a message of more than {maxSize} octets (the limit is NOTEBOOKDL_MAX_MESSAGE_MB)");
        bool command = (flags & ZmtpFrame.CommandFlag) != 0;
        bool more = (flags & ZmtpFrame.MoreFlag) != 0;
        if (command && more) throw new ZmtpProtocolException("command frames must not set MORE");
        return new ZmtpFrame(await ReadBodyAsync(stream, (int)size, cancellationToken).ConfigureAwait(false), more, command);
    }

    private static async ValueTask<byte[]> ReadBodyAsync(Stream stream, int size, CancellationToken cancellationToken)
    {
        if (size == 0) return [];
        var body = new byte[Math.Min(size, WholeAllocationLimit)];
        int filled = 0;
        while (true)
        {
            await stream.ReadExactlyAsync(body.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            filled = body.Length;
            if (filled == size) return body;
            Array.Resize(ref body, (int)Math.Min(size, 2L * filled));
        }
    }

    /// <summary>Decodes frames from a complete buffer (tests and diagnostics); stops at the first incomplete frame.</summary>
    public static List<ZmtpFrame> DecodeAll(ReadOnlySpan<byte> data)
    {
        var frames = new List<ZmtpFrame>();
        while (data.Length >= 2)
        {
            byte flags = data[0];
            bool isLong = (flags & ZmtpFrame.LongFlag) != 0;
            int headerLength = isLong ? 9 : 2;
            if (data.Length < headerLength) break;
            long size = isLong ? (long)BinaryPrimitives.ReadUInt64BigEndian(data[1..]) : data[1];
            if (data.Length < headerLength + size) break;
            frames.Add(new ZmtpFrame(data.Slice(headerLength, (int)size).ToArray(),
                (flags & ZmtpFrame.MoreFlag) != 0, (flags & ZmtpFrame.CommandFlag) != 0));
            data = data[(headerLength + (int)size)..];
        }
        return frames;
    }
}
