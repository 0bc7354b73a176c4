namespace NotebookDL.Kernel.Transport;

/// <summary>The socket types this transport implements (ZMTP 3.x "Socket-Type" property values).</summary>
public enum ZmtpSocketType
{
    Req,
    Rep,
    Dealer,
    Router,
    Pub,
    Sub,
}

public static class ZmtpSocketTypes
{
    public static string WireName(this ZmtpSocketType type) => type switch
    {
        ZmtpSocketType.Req => "REQ",
        ZmtpSocketType.Rep => "REP",
        ZmtpSocketType.Dealer => "DEALER",
        ZmtpSocketType.Router => "ROUTER",
        ZmtpSocketType.Pub => "PUB",
        ZmtpSocketType.Sub => "SUB",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// The legal peer types from RFC 37's table. XPUB/XSUB peers are allowed because they speak the same
    /// wire semantics as PUB/SUB (pyzmq tools and proxies use them).
    /// </summary>
    public static bool AcceptsPeer(this ZmtpSocketType local, string peerType) => local switch
    {
        ZmtpSocketType.Req => peerType is "REP" or "ROUTER",
        ZmtpSocketType.Rep => peerType is "REQ" or "DEALER",
        ZmtpSocketType.Dealer => peerType is "REP" or "DEALER" or "ROUTER",
        ZmtpSocketType.Router => peerType is "REQ" or "DEALER" or "ROUTER",
        ZmtpSocketType.Pub => peerType is "SUB" or "XSUB",
        ZmtpSocketType.Sub => peerType is "PUB" or "XPUB",
        _ => false,
    };

    /// <summary>RFC 37: only REQ, DEALER and ROUTER peers' identities address anything (at a ROUTER).</summary>
    public static bool SendsIdentity(this ZmtpSocketType type) =>
        type is ZmtpSocketType.Req or ZmtpSocketType.Dealer or ZmtpSocketType.Router;
}
