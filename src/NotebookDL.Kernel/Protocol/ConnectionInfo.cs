using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Protocol;

/// <summary>A Jupyter connection file: where to bind the five channels and the signing key.</summary>
public sealed record ConnectionInfo(
    string Transport, string Ip, int ShellPort, int IopubPort, int StdinPort, int ControlPort, int HbPort,
    string Key, string SignatureScheme, string KernelName)
{
    public static ConnectionInfo Parse(string json)
    {
        var obj = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("a connection file is a JSON object");
        var info = new ConnectionInfo(
            obj.GetString("transport", "tcp"), obj.GetString("ip", "127.0.0.1"),
            Port(obj, "shell_port"), Port(obj, "iopub_port"), Port(obj, "stdin_port"), Port(obj, "control_port"), Port(obj, "hb_port"),
            obj.GetString("key"), obj.GetString("signature_scheme", "hmac-sha256"), obj.GetString("kernel_name"));
        if (info.Transport != "tcp")
            throw new NotSupportedException($"transport '{info.Transport}' is not supported; NotebookDL's kernel speaks tcp only");
        return info;
    }

    public static ConnectionInfo Load(string path) => Parse(File.ReadAllText(path));

    public JsonObject ToJson() => new()
    {
        ["transport"] = Transport,
        ["ip"] = Ip,
        ["shell_port"] = ShellPort,
        ["iopub_port"] = IopubPort,
        ["stdin_port"] = StdinPort,
        ["control_port"] = ControlPort,
        ["hb_port"] = HbPort,
        ["key"] = Key,
        ["signature_scheme"] = SignatureScheme,
        ["kernel_name"] = KernelName,
    };

    private static int Port(JsonObject obj, string name)
    {
        int port = obj.GetInt(name, 0);
        if (port is < 0 or > 65535) throw new JsonException($"{name} {port} is not a TCP port");
        return port;
    }
}
