using System.Text;

namespace NotebookDL.Kernel.Transport;

/// <summary>
/// The fixed 64-octet greeting of ZMTP 3.x: signature (FF, 8 padding octets, 7F), version, a 20-octet
/// null-padded mechanism name, the as-server flag and 31 octets of filler.
/// </summary>
public readonly record struct ZmtpGreeting(byte Major, byte Minor, string Mechanism, bool AsServer)
{
    public const int Length = 64;
    private const int MechanismOffset = 12;
    private const int MechanismLength = 20;
    private const int AsServerOffset = 32;

    /// <summary>What this transport announces: ZMTP 3.1 with the NULL mechanism (as-server must be 0 for NULL).</summary>
    public static ZmtpGreeting Default => new(3, 1, "NULL", false);

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        bytes[0] = 0xFF;
        bytes[9] = 0x7F;
        bytes[10] = Major;
        bytes[11] = Minor;
        Encoding.ASCII.GetBytes(Mechanism, bytes.AsSpan(MechanismOffset, MechanismLength));
        bytes[AsServerOffset] = AsServer ? (byte)1 : (byte)0;
        return bytes;
    }

    /// <summary>Parses a peer's greeting; rejects anything that is not ZMTP 3 or later (no downgrade to 1.0/2.0).</summary>
    public static ZmtpGreeting Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Length) throw new ZmtpProtocolException($"greeting is {bytes.Length} octets, expected {Length}");
        // The padding octets carry no meaning (RFC 23 forbids validating them); only bit 0 of octet 9 marks ZMTP 2.0+.
        if (bytes[0] != 0xFF || (bytes[9] & 1) == 0) throw new ZmtpProtocolException("not a ZMTP signature");
        if (bytes[10] < 3) throw new ZmtpProtocolException($"peer speaks ZMTP {bytes[10]}.x; only 3.0 and later are supported");
        var mechanism = bytes.Slice(MechanismOffset, MechanismLength);
        int end = mechanism.IndexOf((byte)0);
        var name = Encoding.ASCII.GetString(end < 0 ? mechanism : mechanism[..end]);
        return new ZmtpGreeting(bytes[10], bytes[11], name, bytes[AsServerOffset] != 0);
    }
}
