using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NotebookDL.Kernel.Engines;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Server;

namespace NotebookDL.Kernel.Magics;

public sealed class AboutMagic : Magic
{
    public override string Name => "about";

    public override string Summary => "Shows versions, the engine, its compute device, threads and SIMD width.";

    public override Task<CellResult> RunAsync(MagicContext context)
    {
        if (context.Args.Count > 0) throw new MagicUsageException($"#!about takes no arguments, got '{context.Args[0]}'");
        foreach (var (name, value) in Facts(context.Session.Engine)) context.WriteLine($"{name,-12}{value}");
        return context.RunRestAsync();
    }

    public static IEnumerable<(string Name, string Value)> Facts(KernelEngine engine)
    {
        yield return ("NotebookDL", Version(typeof(KernelInfo).Assembly));
        yield return ("Kernel", KernelInfo.ImplementationVersion);
        yield return (".NET", $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})");
        yield return ("OS", RuntimeInformation.OSDescription);
        foreach (var (name, value) in engine.Facts()) yield return (name, value);
        yield return ("Threads", $"{engine.GetThreads()} compute threads, {Environment.ProcessorCount} logical cores");
        var widest = Vector512.IsHardwareAccelerated ? "512-bit (AVX-512)" : Vector256.IsHardwareAccelerated ? "256-bit" : Vector128.IsHardwareAccelerated ? "128-bit" : "none";
        yield return ("SIMD", $"Vector<float> is {Vector<float>.Count * 32}-bit ({Vector<float>.Count} lanes); widest hardware vectors: {widest}");
    }

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
