using System.Security.Cryptography;
using System.Text;

namespace NotebookDL.Kernel.Protocol;

/// <summary>
/// HMAC-SHA256 over header, parent header, metadata and content, as lowercase hex (the connection file's
/// "hmac-sha256" scheme). An empty key means authentication is off: signatures are empty and anything passes.
/// </summary>
public sealed class MessageSigner
{
    private readonly byte[] key;

    public MessageSigner(string key, string scheme = "hmac-sha256")
    {
        if (!string.IsNullOrEmpty(key) && !string.Equals(scheme, "hmac-sha256", StringComparison.OrdinalIgnoreCase))
            throw new NotSupportedException($"signature scheme '{scheme}' is not supported; use hmac-sha256");
        this.key = Encoding.UTF8.GetBytes(key);
    }

    public bool Enabled => key.Length > 0;

    public byte[] Sign(byte[] header, byte[] parentHeader, byte[] metadata, byte[] content)
    {
        if (!Enabled) return [];
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(header);
        hmac.AppendData(parentHeader);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        return Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hmac.GetHashAndReset()));
    }

    /// <summary>Constant-time comparison, so timing reveals nothing about how much of a forged signature was right.</summary>
    public bool Verify(byte[] signature, byte[] header, byte[] parentHeader, byte[] metadata, byte[] content)
    {
        if (!Enabled) return true;
        var expected = Sign(header, parentHeader, metadata, content);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }
}
