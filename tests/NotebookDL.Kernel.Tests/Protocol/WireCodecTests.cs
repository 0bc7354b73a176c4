using System.Text;
using System.Text.Json.Nodes;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Tests.Protocol;

public class WireCodecTests
{
    private static readonly WireCodec Codec = new(new MessageSigner("key"));

    private static JupyterMessage Sample() => JupyterMessage.Create(
        MessageHeader.Create("execute_request", "session-1", "student"),
        new JsonObject { ["code"] = "1 + 1", ["silent"] = false, ["text"] = "héllo ✓" },
        parentHeader: new JsonObject { ["msg_id"] = "p1", ["subshell_id"] = null },
        identities: [Encoding.ASCII.GetBytes("client")]) with { Buffers = [[1, 2, 3]] };

    [Fact]
    public void Encode_lays_out_identities_delimiter_signature_dicts_and_buffers()
    {
        var frames = Codec.Encode(Sample());

        Assert.Equal(8, frames.Count);
        Assert.Equal("client", Encoding.ASCII.GetString(frames[0]));
        Assert.Equal("<IDS|MSG>", Encoding.ASCII.GetString(frames[1]));
        Assert.Equal(64, frames[2].Length);
        Assert.Contains("\"msg_type\":\"execute_request\"", Encoding.UTF8.GetString(frames[3]));
        Assert.Equal(new byte[] { 1, 2, 3 }, frames[7]);
    }

    [Fact]
    public void Messages_round_trip()
    {
        var original = Sample();

        var decoded = Codec.Decode(Codec.Encode(original), out var rejection);

        Assert.Null(rejection);
        Assert.NotNull(decoded);
        Assert.Equal(original.Header, decoded.Header);
        Assert.Equal("client", Encoding.ASCII.GetString(Assert.Single(decoded.Identities)));
        Assert.Equal("héllo ✓", decoded.Content.GetString("text"));
        Assert.Equal("p1", decoded.ParentHeader.GetString("msg_id"));
        Assert.True(decoded.ParentHeader.ContainsKey("subshell_id"));
        Assert.Equal(new byte[] { 1, 2, 3 }, Assert.Single(decoded.Buffers));
    }

    [Fact]
    public void Wrong_key_unsigned_and_tampered_messages_are_rejected()
    {
        var wrongKey = new WireCodec(new MessageSigner("other")).Encode(Sample());
        Assert.Null(Codec.Decode(wrongKey, out var why));
        Assert.Equal("invalid signature", why);

        var unsigned = new WireCodec(new MessageSigner("")).Encode(Sample());
        Assert.Null(Codec.Decode(unsigned, out why));
        Assert.Equal("unsigned message", why);

        var tampered = Codec.Encode(Sample());
        tampered[6] = Encoding.UTF8.GetBytes("""{"code":"evil()"}""");
        Assert.Null(Codec.Decode(tampered, out why));
    }

    [Fact]
    public void Frames_without_delimiter_or_too_short_are_rejected()
    {
        Assert.Null(Codec.Decode([Encoding.ASCII.GetBytes("x")], out var why));
        Assert.Contains("delimiter", why);
        Assert.Null(Codec.Decode([WireCodec.Delimiter, [], []], out why));
        Assert.Contains("frames", why);
    }

    [Fact]
    public void Header_date_has_at_most_six_fractional_digits()
    {
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", MessageHeader.Now());
    }
}
