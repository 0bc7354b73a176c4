using System.Globalization;
using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Protocol;

/// <summary>A Jupyter message header (messaging spec 5.x).</summary>
public sealed record MessageHeader(string MsgId, string Session, string Username, string Date, string MsgType, string Version)
{
    public const string ProtocolVersion = "5.3";

    public static MessageHeader Create(string msgType, string session, string username) =>
        new(Guid.NewGuid().ToString("N"), session, username, Now(), msgType, ProtocolVersion);

    /// <summary>ISO 8601 with at most 6 fractional digits: jupyter_client's date pattern rejects .NET's default 7.</summary>
    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public JsonObject ToJson() => new()
    {
        ["msg_id"] = MsgId,
        ["session"] = Session,
        ["username"] = Username,
        ["date"] = Date,
        ["msg_type"] = MsgType,
        ["version"] = Version,
    };

    public static MessageHeader FromJson(JsonObject json) => new(
        json.GetString("msg_id"), json.GetString("session"), json.GetString("username"),
        json.GetString("date"), json.GetString("msg_type"), json.GetString("version", ProtocolVersion));
}
