using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Tests.Transport;

public class GreetingTests
{
    [Fact]
    public void Default_greeting_is_the_64_octets_of_zmtp_3_1_null_as_client()
    {
        var bytes = ZmtpGreeting.Default.ToBytes();

        var expected = new byte[64];
        expected[0] = 0xFF;
        expected[9] = 0x7F;
        expected[10] = 3;
        expected[11] = 1;
        "NULL"u8.CopyTo(expected.AsSpan(12));
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Parse_reads_version_mechanism_and_ignores_padding()
    {
        var bytes = new ZmtpGreeting(3, 0, "NULL", false).ToBytes();
        bytes[3] = 0x42; // padding must not be interpreted

        var greeting = ZmtpGreeting.Parse(bytes);

        Assert.Equal((byte)3, greeting.Major);
        Assert.Equal((byte)0, greeting.Minor);
        Assert.Equal("NULL", greeting.Mechanism);
        Assert.False(greeting.AsServer);
    }

    [Fact]
    public void Parse_accepts_higher_versions_and_other_mechanism_names()
    {
        var greeting = ZmtpGreeting.Parse(new ZmtpGreeting(4, 2, "CURVE", true).ToBytes());
        Assert.Equal("CURVE", greeting.Mechanism);
        Assert.True(greeting.AsServer);
    }

    [Fact]
    public void Parse_rejects_a_bad_signature_or_an_old_version()
    {
        var bytes = ZmtpGreeting.Default.ToBytes();
        bytes[0] = 0x00;
        Assert.Throws<ZmtpProtocolException>(() => ZmtpGreeting.Parse(bytes));

        var old = ZmtpGreeting.Default.ToBytes();
        old[10] = 2;
        Assert.Throws<ZmtpProtocolException>(() => ZmtpGreeting.Parse(old));
    }
}
