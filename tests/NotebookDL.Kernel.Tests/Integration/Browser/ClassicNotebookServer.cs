using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NotebookDL.Kernel.Tests.Integration.Browser;

/// <summary>
/// Debian's classic Jupyter Notebook (python3-notebook) serving a temporary folder, with the notebookdl kernelspec
/// of <see cref="JupyterClients.CreateDataDirectory"/> (so it starts the kernel built with these tests) and an empty
/// config folder (so nobody's own Jupyter settings leak in); --allow-root because CI runs as root. It binds 127.0.0.1 with a random token; with
/// --port-retries it moves on from a taken port, and the port it got is read from its log. Disposing kills it and its kernels.
/// </summary>
public sealed partial class ClassicNotebookServer : IDisposable
{
    private readonly Process process;

    private ClassicNotebookServer(Process process, ProcessOutput output, Uri root, string token, string notebookDirectory)
    {
        this.process = process;
        Output = output;
        Root = root;
        Token = token;
        NotebookDirectory = notebookDirectory;
    }

    public const string Module = "notebook";

    public Uri Root { get; }

    public string Token { get; }

    /// <summary>The folder the server shows; tests put their notebooks here.</summary>
    public string NotebookDirectory { get; }

    public ProcessOutput Output { get; }

    public static async Task<ClassicNotebookServer> StartAsync()
    {
        var data = JupyterClients.CreateDataDirectory();
        var notebooks = Directory.CreateDirectory(Path.Combine(data, "notebooks")).FullName;
        var token = Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo(JupyterClients.Python)
        {
            WorkingDirectory = notebooks,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "-m", Module, "--no-browser", "--allow-root", "--ip=127.0.0.1", $"--port={FreePort()}", "--port-retries=50",
                     $"--NotebookApp.token={token}", $"--notebook-dir={notebooks}",
                 })
            start.ArgumentList.Add(arg);
        start.Environment["JUPYTER_DATA_DIR"] = data;
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(data, "runtime");
        start.Environment["JUPYTER_CONFIG_DIR"] = Directory.CreateDirectory(Path.Combine(data, "config")).FullName;
        start.Environment.Remove("JUPYTER_PATH");
        var process = Process.Start(start)!;
        var output = new ProcessOutput(process);
        try
        {
            var line = await output.WaitForLineAsync(Listening(), TimeSpan.FromSeconds(60), "the notebook server to say where it listens");
            var port = int.Parse(Listening().Match(line).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return new ClassicNotebookServer(process, output, new Uri($"http://127.0.0.1:{port}/"), token, notebooks);
        }
        catch
        {
            ProcessOutput.Kill(process);
            throw;
        }
    }

    /// <summary>The address that opens <paramref name="fileName"/> (a file in <see cref="NotebookDirectory"/>) in the notebook UI.</summary>
    public Uri NotebookUrl(string fileName) => new(Root, $"notebooks/{Uri.EscapeDataString(fileName)}?token={Token}");

    public void Dispose() => ProcessOutput.Kill(process);

    /// <summary>A port nobody listens on now; the server's --port-retries covers the moment between asking and binding.</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:(\d+)/")]
    private static partial Regex Listening();
}
