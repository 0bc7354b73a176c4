using System.Text;
using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Tests.Transport;

public class CommandTests
{
    [Fact]
    public void Ready_encodes_properties_as_short_names_and_big_endian_value_sizes()
    {
        var ready = ZmtpCommand.CreateReady([new("Socket-Type", "ROUTER"u8.ToArray())]);

        var body = ready.ToBody();

        var expected = new List<byte> { 5 };
        expected.AddRange("READY"u8.ToArray());
        expected.Add(11);
        expected.AddRange("Socket-Type"u8.ToArray());
        expected.AddRange(new byte[] { 0, 0, 0, 6 });
        expected.AddRange("ROUTER"u8.ToArray());
        Assert.Equal(expected, body);
    }

    [Fact]
    public void Ready_properties_round_trip_with_case_insensitive_names()
    {
        var ready = ZmtpCommand.CreateReady([new("Socket-Type", "DEALER"u8.ToArray()), new("Identity", [])]);

        var parsed = ZmtpCommand.Parse(ready.ToBody()).ReadProperties();

        Assert.Equal("DEALER", Encoding.ASCII.GetString(parsed["socket-type"]));
        Assert.Empty(parsed["IDENTITY"]);
    }

    [Fact]
    public void Malformed_metadata_is_a_protocol_error()
    {
        var command = new ZmtpCommand("READY", [3, (byte)'a', (byte)'b']);
        Assert.Throws<ZmtpProtocolException>(() => command.ReadProperties());
    }

    [Fact]
    public void Pong_echoes_the_ping_context_without_the_ttl()
    {
        var ping = new ZmtpCommand(ZmtpCommand.Ping, [0, 100, (byte)'c', (byte)'t', (byte)'x']);

        var pong = ping.ToPong();

        Assert.Equal("PONG", pong.Name);
        Assert.Equal("ctx"u8.ToArray(), pong.Data);
    }
}
