using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using NotebookDL.Kernel.Grading;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Tests.Server;

/// <summary>
/// A normal session of the real kernel process leaves its stderr empty (frontends show a kernel's stderr as a
/// failure, and nbgrader fails any cell with stderr output), and every error it reports is a complete Jupyter error.
/// </summary>
public class KernelStderrTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task KernelProcess_NormalSessionWithWarningsAndErrors_WritesNothingToStderr()
    {
        var info = new ConnectionInfo("tcp", "127.0.0.1", FreePort(), FreePort(), FreePort(), FreePort(), FreePort(), "k", "hmac-sha256", "notebookdl-csharp");
        var file = Path.Combine(Path.GetTempPath(), $"notebookdl-stderr-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, info.ToJson().ToJsonString());
        var start = KernelExecutable.StartInfo();
        start.ArgumentList.Add("kernel");
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(file);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            await using var client = await ConnectWithRetryAsync(info);
            // Compiler warnings (unused local CS0168, obsolete member CS0612) are not the user's errors.
            var cells = new[] { "static void Unused() { int never; }\n[Obsolete] static int Old() => 1;\nConsole.WriteLine(Old());", "int x = \"text\";", "throw new InvalidOperationException(\"bad\");" };
            var errors = new List<JsonObject>();
            foreach (var code in cells)
            {
                var request = client.Execute(code, stopOnError: false);
                await client.ReceiveAsync(client.Shell);
                var iopub = await client.IopubUntilIdleAsync(request);
                Assert.DoesNotContain(iopub, m => m.MsgType == "stream" && m.Content.GetString("name") == "stderr");
                errors.AddRange(iopub.Where(m => m.MsgType == "error").Select(m => m.Content));
            }
            Assert.Equal(["CompilationError", "InvalidOperationException"], errors.Select(e => e["ename"]!.GetValue<string>()));
            Assert.All(errors, e =>
            {
                Assert.False(string.IsNullOrEmpty(e["evalue"]!.GetValue<string>()));
                Assert.NotEmpty(e["traceback"]!.AsArray().Select(line => line!.GetValue<string>()));
            });
            client.Send(client.Control, "shutdown_request", new JsonObject { ["restart"] = false });
            await client.ReceiveAsync(client.Control);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            File.Delete(file);
        }
        Assert.Equal("", await stderr);
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>Connects once the process listens, then waits until iopub delivers (a late subscriber misses messages).</summary>
    private static async Task<TestKernelClient> ConnectWithRetryAsync(ConnectionInfo info)
    {
        TestKernelClient client;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                client = await TestKernelClient.ConnectAsync(info);
                break;
            }
            catch (SocketException) when (attempt < 120)
            {
                await Task.Delay(250); // the process is still starting .NET and binding its ports
            }
        }
        for (int attempt = 0; attempt < 60; attempt++)
        {
            var request = client.Send(client.Shell, "kernel_info_request", []);
            await client.ReceiveAsync(client.Shell);
            try
            {
                while (true)
                {
                    var message = await client.ReceiveAsync(client.IoPub, TimeSpan.FromSeconds(1));
                    if (message.ParentHeader.GetString("msg_id") == request.Header.MsgId && message.Content.GetString("execution_state") == "idle") return client;
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
        throw new TimeoutException("the kernel's iopub channel never delivered a status message");
    }
}
