using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Tests.Protocol;

public class ConnectionInfoTests
{
    [Fact]
    public void Parses_a_jupyter_client_connection_file()
    {
        var info = ConnectionInfo.Parse("""
            {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
             "ip": "127.0.0.1", "key": "a0436f6c-1916-498b-8eb9-e81ab9368e84", "transport": "tcp",
             "signature_scheme": "hmac-sha256", "kernel_name": "notebookdl-csharp"}
            """);

        Assert.Equal((5001, 5002, 5003, 5004, 5005), (info.ShellPort, info.IopubPort, info.StdinPort, info.ControlPort, info.HbPort));
        Assert.Equal("127.0.0.1", info.Ip);
        Assert.Equal("a0436f6c-1916-498b-8eb9-e81ab9368e84", info.Key);
        Assert.Equal("notebookdl-csharp", info.KernelName);
    }

    [Fact]
    public void Missing_fields_take_defaults_and_ipc_is_refused()
    {
        var info = ConnectionInfo.Parse("""{"shell_port": 1}""");
        Assert.Equal("tcp", info.Transport);
        Assert.Equal("hmac-sha256", info.SignatureScheme);
        Assert.Equal("", info.Key);

        Assert.Throws<NotSupportedException>(() => ConnectionInfo.Parse("""{"transport": "ipc"}"""));
    }

    [Fact]
    public void Round_trips_through_json()
    {
        var info = new ConnectionInfo("tcp", "127.0.0.1", 1, 2, 3, 4, 5, "k", "hmac-sha256", "n");
        Assert.Equal(info, ConnectionInfo.Parse(info.ToJson().ToJsonString()));
    }
}
