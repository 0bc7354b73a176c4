using System.Text;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Tests.Protocol;

public class SignerTests
{
    private static readonly byte[] Header = """{"msg_type":"kernel_info_request"}"""u8.ToArray();
    private static readonly byte[] Empty = "{}"u8.ToArray();

    [Fact]
    public void Signature_matches_pythons_hmac_hexdigest()
    {
        // hmac.new(b"secret", digestmod=sha256) updated with the four dicts, as jupyter_client's Session does.
        var signature = new MessageSigner("secret").Sign(Header, Empty, Empty, Empty);
        Assert.Equal("da987989801f25e9398e6a2aee42649d93bf7451e56a863c9f755263d32e6ef1", Encoding.ASCII.GetString(signature));
    }

    [Fact]
    public void Verify_accepts_the_right_signature_and_rejects_tampering_wrong_keys_and_missing_signatures()
    {
        var signer = new MessageSigner("secret");
        var good = signer.Sign(Header, Empty, Empty, Empty);

        Assert.True(signer.Verify(good, Header, Empty, Empty, Empty));
        Assert.False(signer.Verify(good, Header, Empty, Empty, """{"code":"rm -rf"}"""u8.ToArray()));
        Assert.False(signer.Verify(new MessageSigner("wrong").Sign(Header, Empty, Empty, Empty), Header, Empty, Empty, Empty));
        Assert.False(signer.Verify([], Header, Empty, Empty, Empty));
        Assert.False(signer.Verify(Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(good).ToUpperInvariant()), Header, Empty, Empty, Empty));
    }

    [Fact]
    public void Empty_key_disables_signing()
    {
        var signer = new MessageSigner("");
        Assert.False(signer.Enabled);
        Assert.Empty(signer.Sign(Header, Empty, Empty, Empty));
        Assert.True(signer.Verify([], Header, Empty, Empty, Empty));
    }

    [Fact]
    public void Unknown_schemes_are_refused()
    {
        Assert.Throws<NotSupportedException>(() => new MessageSigner("k", "hmac-md5"));
    }

    [Fact]
    public void Replay_guard_rejects_a_signature_seen_before()
    {
        var guard = new ReplayGuard(capacity: 4);
        Assert.True(guard.FirstSighting("aa"u8.ToArray()));
        Assert.False(guard.FirstSighting("aa"u8.ToArray()));
        Assert.True(guard.FirstSighting([]));
        Assert.True(guard.FirstSighting([]));
        for (int i = 0; i < 10; i++) Assert.True(guard.FirstSighting(Encoding.ASCII.GetBytes($"s{i}")));
    }
}
