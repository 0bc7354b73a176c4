using System.Text.Json.Nodes;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Tests.Server;

/// <summary>
/// A normal session of the real kernel process leaves its stderr empty (frontends show a kernel's stderr as a
/// failure, and nbgrader fails any cell with stderr output), and every error it reports is a complete Jupyter error.
/// </summary>
public class KernelStderrTests
{
    [Fact]
    public async Task KernelProcess_NormalSessionWithWarningsAndErrors_WritesNothingToStderr()
    {
        using var kernel = KernelProcess.Start();
        var process = kernel.Process;
        try
        {
            await using var client = await kernel.ConnectAsync();
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
        }
        Assert.Equal("", await kernel.Stderr);
        Assert.Equal(0, process.ExitCode);
    }
}
