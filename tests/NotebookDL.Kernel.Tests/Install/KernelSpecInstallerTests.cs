using System.Text.Json.Nodes;
using NotebookDL.Kernel.Install;

namespace NotebookDL.Kernel.Tests.Install;

/// <summary>Changes JUPYTER_DATA_DIR / JUPYTER_PATH, so it runs apart from everything else.</summary>
[Collection("cells")]
public class KernelSpecInstallerTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "notebookdl-install-tests", Guid.NewGuid().ToString("N"));
    private readonly string? savedData = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
    private readonly string? savedPath = Environment.GetEnvironmentVariable("JUPYTER_PATH");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", savedData);
        Environment.SetEnvironmentVariable("JUPYTER_PATH", savedPath);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Kernel_json_declares_the_csharp_kernel_with_message_interrupts()
    {
        var json = KernelSpecInstaller.KernelJson(["/opt/notebookdl", "kernel", "-f", "{connection_file}"]);

        Assert.Equal("C# (NotebookDL)", json["display_name"]!.GetValue<string>());
        Assert.Equal("C#", json["language"]!.GetValue<string>());
        Assert.Equal("message", json["interrupt_mode"]!.GetValue<string>());
        Assert.Equal("{connection_file}", json["argv"]![3]!.GetValue<string>());
    }

    [Fact]
    public void Install_TorchSharpEngine_WritesASecondKernelspecThatStartsOnTorchSharp()
    {
        Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", Path.Combine(root, "engines"));
        Environment.SetEnvironmentVariable("JUPYTER_PATH", null);

        var managed = KernelSpecInstaller.Install();
        var torchSharp = KernelSpecInstaller.Install(engine: "torchsharp");

        Assert.Equal(Path.Combine(root, "engines", "kernels", "notebookdl-csharp-torchsharp"), torchSharp);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(torchSharp, "kernel.json")))!;
        Assert.Equal("C# (NotebookDL, TorchSharp)", json["display_name"]!.GetValue<string>());
        Assert.Equal("torchsharp", json["env"]!["NOTEBOOKDL_ENGINE"]!.GetValue<string>());
        Assert.Null(JsonNode.Parse(File.ReadAllText(Path.Combine(managed, "kernel.json")))!["env"]!["NOTEBOOKDL_ENGINE"]);
        Assert.Equal([managed, torchSharp], KernelSpecInstaller.Uninstall());
    }

    [Fact]
    public void Argv_runs_this_build_and_ends_with_the_kernel_command()
    {
        var argv = KernelSpecInstaller.KernelArgv();
        Assert.Equal(["kernel", "-f", "{connection_file}"], argv.TakeLast(3));
        Assert.True(File.Exists(argv[0]), argv[0]);
    }

    [Fact]
    public void Install_honours_JUPYTER_DATA_DIR_and_uninstall_removes_it()
    {
        Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", Path.Combine(root, "data"));
        Environment.SetEnvironmentVariable("JUPYTER_PATH", null);

        var folder = KernelSpecInstaller.Install();

        Assert.Equal(Path.Combine(root, "data", "kernels", "notebookdl-csharp"), folder);
        Assert.Equal("C#", JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!["language"]!.GetValue<string>());
        Assert.Equal([folder], KernelSpecInstaller.Uninstall());
        Assert.False(Directory.Exists(folder));
    }

    [Theory]
    [InlineData("logo-32x32.png", 32)]
    [InlineData("logo-64x64.png", 64)]
    public void Install_IntoDataDirectory_WritesTheLogoAtItsSize(string name, int size)
    {
        var folder = KernelSpecInstaller.Install(argv: ["/opt/notebookdl", "kernel", "-f", "{connection_file}"], dataDirectory: Path.Combine(root, "logos"));

        var png = File.ReadAllBytes(Path.Combine(folder, name));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal((size, size), (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
    }

    [Fact]
    public void Prefix_installs_under_share_jupyter_and_JUPYTER_PATH_copies_are_reported_as_shadowing()
    {
        Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", Path.Combine(root, "data"));
        var prefixed = KernelSpecInstaller.Install(prefix: Path.Combine(root, "venv"));
        Assert.Equal(Path.Combine(root, "venv", "share", "jupyter", "kernels", "notebookdl-csharp"), prefixed);

        Environment.SetEnvironmentVariable("JUPYTER_PATH", Path.Combine(root, "venv", "share", "jupyter"));
        var user = KernelSpecInstaller.Install();
        Assert.Equal([prefixed], KernelSpecInstaller.Shadowing(user));

        var removed = KernelSpecInstaller.Uninstall(prefix: Path.Combine(root, "venv"));
        Assert.Equal(2, removed.Count);
    }
}
