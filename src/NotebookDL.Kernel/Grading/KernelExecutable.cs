using System.Diagnostics;

namespace NotebookDL.Kernel.Grading;

/// <summary>How to start this kernel as a child process, however it was started itself (apphost, dotnet tool, dotnet test).</summary>
public static class KernelExecutable
{
    /// <summary>The apphost beside this assembly, or the dotnet host running it; standard streams redirected, arguments still to add.</summary>
    public static ProcessStartInfo StartInfo()
    {
        var assembly = typeof(KernelExecutable).Assembly.Location;
        var host = Environment.ProcessPath;
        var apphost = Path.ChangeExtension(assembly, OperatingSystem.IsWindows() ? ".exe" : null);
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.FileName = host;
            info.ArgumentList.Add(assembly);
        }
        else if (File.Exists(apphost))
        {
            info.FileName = apphost;
        }
        else
        {
            info.FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet";
            info.ArgumentList.Add(assembly);
        }
        return info;
    }
}
