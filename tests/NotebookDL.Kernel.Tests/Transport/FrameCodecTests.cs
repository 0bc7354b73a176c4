using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Tests.Transport;

public class FrameCodecTests
{
    [Fact]
    public void Short_frame_has_flags_then_one_size_octet()
    {
        var buffer = new byte[10];
        int n = FrameCodec.Write(buffer, "abc"u8, more: true);

        Assert.Equal(5, n);
        Assert.Equal(new byte[] { 0x01, 3, (byte)'a', (byte)'b', (byte)'c' }, buffer[..n]);
    }

    [Fact]
    public void Long_frame_sets_the_long_flag_and_an_8_octet_big_endian_size()
    {
        var body = new byte[300];
        var buffer = new byte[FrameCodec.EncodedLength(body.Length)];
        FrameCodec.Write(buffer, body, more: false);

        Assert.Equal(0x02, buffer[0]);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0x01, 0x2C }, buffer[1..9]);
        Assert.Equal(309, buffer.Length);
    }

    [Fact]
    public void Command_frame_sets_the_command_flag()
    {
        var encoded = FrameCodec.EncodeCommand(new ZmtpCommand("PING", [0, 10, 7]));

        Assert.Equal(0x04, encoded[0]);
        Assert.Equal(new byte[] { 4, (byte)'P', (byte)'I', (byte)'N', (byte)'G', 0, 10, 7 }, encoded[2..]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(70_000)]
    public async Task Multipart_messages_round_trip_through_a_stream(int size)
    {
        var parts = new List<byte[]> { "id"u8.ToArray(), Array.Empty<byte>(), Enumerable.Range(0, size).Select(i => (byte)i).ToArray() };
        using var stream = new MemoryStream(FrameCodec.EncodeMessage(parts));

        var read = new List<ZmtpFrame>();
        for (int i = 0; i < parts.Count; i++) read.Add(await FrameCodec.ReadAsync(stream, long.MaxValue, CancellationToken.None));

        Assert.Equal(parts, read.Select(f => f.Body));
        Assert.Equal(new[] { true, true, false }, read.Select(f => f.More));
        Assert.All(read, f => Assert.False(f.IsCommand));
    }

    [Fact]
    public void DecodeAll_matches_EncodeMessage()
    {
        var parts = new List<byte[]> { new byte[] { 1, 2 }, new byte[256] };
        var frames = FrameCodec.DecodeAll(FrameCodec.EncodeMessage(parts));
        Assert.Equal(parts, frames.Select(f => f.Body));
    }

    [Fact]
    public async Task Reserved_flag_bits_and_more_on_commands_are_protocol_errors()
    {
        using var reserved = new MemoryStream([0x80, 0]);
        await Assert.ThrowsAsync<ZmtpProtocolException>(() => FrameCodec.ReadAsync(reserved, long.MaxValue, CancellationToken.None).AsTask());

        using var moreCommand = new MemoryStream([0x05, 1, 1]);
        await Assert.ThrowsAsync<ZmtpProtocolException>(() => FrameCodec.ReadAsync(moreCommand, long.MaxValue, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Truncated_stream_is_end_of_stream()
    {
        using var stream = new MemoryStream([0x00, 5, 1, 2]);
        await Assert.ThrowsAsync<EndOfStreamException>(() => FrameCodec.ReadAsync(stream, long.MaxValue, CancellationToken.None).AsTask());
    }
}
