using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NotebookDL.Kernel.Grading;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Tests.Server;

/// <summary>The real kernel as a child process on free ports of 127.0.0.1, optionally under a file-descriptor limit.</summary>
public sealed class KernelProcess : IDisposable
{
    private readonly string connectionFile;
    private readonly Task<string> stdout;

    private KernelProcess(ConnectionInfo info, string connectionFile, Process process)
    {
        Info = info;
        this.connectionFile = connectionFile;
        Process = process;
        Stderr = process.StandardError.ReadToEndAsync();
        stdout = process.StandardOutput.ReadToEndAsync();
    }

    public ConnectionInfo Info { get; }

    public Process Process { get; }

    /// <summary>Everything the kernel wrote to stderr, once it has exited.</summary>
    public Task<string> Stderr { get; }

    /// <summary>Starts the kernel; <paramref name="fileLimit"/> runs it under <c>ulimit -n</c> (soft and hard, so .NET cannot raise it).</summary>
    public static KernelProcess Start(int? fileLimit = null)
    {
        var info = new ConnectionInfo("tcp", "127.0.0.1", FreePort(), FreePort(), FreePort(), FreePort(), FreePort(), "k", "hmac-sha256", "notebookdl-csharp");
        var file = Path.Combine(Path.GetTempPath(), $"notebookdl-kernel-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, info.ToJson().ToJsonString());
        var start = KernelExecutable.StartInfo();
        start.ArgumentList.Add("kernel");
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(file);
        if (fileLimit is int limit)
        {
            var command = new[] { start.FileName }.Concat(start.ArgumentList).ToList();
            start.FileName = "/bin/sh";
            start.ArgumentList.Clear();
            foreach (var arg in (string[])["-c", $"ulimit -n {limit} && exec \"$0\" \"$@\"", .. command]) start.ArgumentList.Add(arg);
        }
        return new KernelProcess(info, file, Process.Start(start)!);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Connects once the process listens, then waits until iopub delivers (a late subscriber misses messages).</summary>
    public async Task<TestKernelClient> ConnectAsync()
    {
        TestKernelClient client;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                client = await TestKernelClient.ConnectAsync(Info);
                break;
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && DateTime.UtcNow < deadline)
            {
                // The process is still starting .NET and binding its ports, closed the connection while it was over
                // its connection limit, or has not reached it in its accept backlog before the handshake timed out;
                // ZeroMQ clients reconnect the same way.
                await Task.Delay(250);
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

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.WaitForExit();
        _ = stdout;
        File.Delete(connectionFile);
        Process.Dispose();
    }
}
