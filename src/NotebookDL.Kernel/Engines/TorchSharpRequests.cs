using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Engines;

/// <summary>
/// <c>#r "nuget: TorchSharp-cpu"</c> in a notebook. TorchSharp is one of NotebookDL's engines, so the request chooses
/// it rather than loading a second copy of TorchSharp beside the kernel's (whose natives would also fail to load on
/// Debian 12 and Ubuntu 22.04, and which NotebookDL's training and displays would not know).
/// </summary>
public static class TorchSharpRequests
{
    /// <summary>TorchSharp itself, its CPU bundle and libtorch's native packages.</summary>
    public static bool IsTorchSharp(PackageRequest package) =>
        package.Name.Equals("TorchSharp", StringComparison.OrdinalIgnoreCase)
        || package.Name.StartsWith("TorchSharp-", StringComparison.OrdinalIgnoreCase)
        || package.Name.StartsWith("libtorch-", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Moves the session to the TorchSharp engine for these requests (or says it is there already); an error result
    /// when code already ran on the managed engine, or when TorchSharp cannot start.
    /// </summary>
    public static async Task<CellResult?> ApplyAsync(IReadOnlyList<PackageRequest> requests, ScriptSession session, TextWriter output)
    {
        var engine = KernelEngines.TorchSharp;
        var names = string.Join(", ", requests);
        if (requests.Any(r => r.Name.Contains("cuda", StringComparison.OrdinalIgnoreCase)))
            output.WriteLine($"Note: {names} asks for CUDA; the kernel loads the CPU build it finds in NuGet's cache. For a GPU, see README \"Two engines\" (CUDA).");
        if (session.Engine == engine)
        {
            output.WriteLine($"Skipped #r \"nuget: {names}\": TorchSharp is already this notebook's engine ({engine.Facts()[0].Value}).");
            return null;
        }
        if (session.HasRunCode)
            return CellResult.Failed(new CellError("EngineError", $"#r \"nuget: {names}\" after code ran on the managed engine",
                [$"EngineError: TorchSharp is an engine in NotebookDL, chosen before the first code cell. Restart the kernel and put " +
                 "'#!engine torchsharp' on the first line of the first code cell (instead of #r \"nuget: TorchSharp...\")."]));
        if (await Interpreter.SwitchEngineAsync(session, engine).ConfigureAwait(false) is { } failed) return failed;
        output.WriteLine($"#r \"nuget: {names}\": this notebook now runs on the torchsharp engine ({engine.Facts()[0].Value}); " +
            "'#!engine torchsharp' says the same in one line.");
        return null;
    }
}
