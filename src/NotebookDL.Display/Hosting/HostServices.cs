using System.Reflection;
using NotebookDL.Training;

namespace NotebookDL.Display;

/// <summary>
/// What a notebook host (NotebookDL's kernel and runner) asks of an engine and its displays, in engine-neutral types.
/// This one file is compiled into both display flavours (src/NotebookDL.Display for the managed engine,
/// src/NotebookDL.TorchSharp.Display for TorchSharp), so one host binary drives either engine by binding to the
/// flavour the notebook chose; the few differences live in each flavour's DisplayAdapter.
/// </summary>
public static class HostServices
{
    /// <summary>The engine's short name, as <c>#!engine</c> and <c>--engine</c> spell it: "managed" or "torchsharp".</summary>
    public static string EngineName => DisplayAdapter.EngineName;

    /// <summary>
    /// Prepares the engine for use in this process (TorchSharp: loads its native libraries, patched if this system's
    /// libstdc++ is too old); throws with the cause and the fix when it cannot.
    /// </summary>
    public static void Activate() => DisplayAdapter.ActivateEngine();

    /// <summary>The assemblies cells compile against: the engine, its training layer and these displays.</summary>
    public static IReadOnlyList<Assembly> Assemblies() =>
        new[] { typeof(torch).Assembly, typeof(History).Assembly, typeof(Formatter).Assembly }
            .Distinct().ToArray();

    /// <summary>The namespaces and static classes every cell imports: the engine's API first, then NotebookDL's.</summary>
    public static IReadOnlyList<string> Imports() =>
        [.. DisplayAdapter.EngineImports, "NotebookDL", "NotebookDL.Display", "NotebookDL.Display.Notebook"];

    /// <summary>Sends every display, update and clear of this flavour to <paramref name="send"/> (display id, renderings, whether it is an update).</summary>
    public static void RegisterDisplayHost(Action<string, IReadOnlyDictionary<string, string>, bool> send) =>
        DisplayHost.Register(new DelegateDisplayHost(send));

    /// <summary>The renderings of a value: rich for engine and NotebookDL objects, text/plain always.</summary>
    public static IReadOnlyDictionary<string, string> ToBundle(object? value) => Formatter.ToMimeBundle(value);

    /// <summary>The interrupt of the cell that runs now, so fit and other long calls stop cleanly without a token.</summary>
    public static void SetInterrupt(CancellationToken token) => Interruption.Current = token;

    /// <summary>Seeds the engine's default generator (initialisation, dropout, shuffling, augmentation); the line to show.</summary>
    public static string Seed(long seed) => NotebookCommands.Seed(seed);

    /// <summary>Shows (null) or sets the compute threads; the line to show. A count below 1 is a CommandArgumentException.</summary>
    public static string Threads(int? threads) => NotebookCommands.Threads(threads);

    /// <summary>#!about's lines: NotebookDL, the host (<paramref name="hostName"/> <paramref name="hostVersion"/>), .NET, OS, engine, device, threads, SIMD.</summary>
    public static string AboutText(string hostName, string hostVersion) => NotebookCommands.AboutText((hostName, hostVersion));

    private static int? requestedThreads;

    /// <summary>The compute threads as seen from the calling thread.</summary>
    public static int GetThreads() => torch.get_num_threads();

    /// <summary>Sets the compute threads here and for every later cell (see <see cref="PrepareCellThread"/>).</summary>
    public static void SetThreads(int threads)
    {
        requestedThreads = threads;
        torch.set_num_threads(threads);
    }

    /// <summary>
    /// Called on the thread a cell runs on, before the cell: applies the thread count #!threads asked for. libtorch's
    /// CPU build parallelizes with OpenMP, whose thread count belongs to the thread that sets it; the managed engine's
    /// is process-wide, so this changes nothing there.
    /// </summary>
    public static void PrepareCellThread()
    {
        if (requestedThreads is { } threads && torch.get_num_threads() != threads) torch.set_num_threads(threads);
    }

    /// <summary>Lines for #!about: the engine, its version and the device it computes on.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Facts() =>
        [new("Engine", $"{EngineName} ({DisplayAdapter.EngineDescription()})"), new("Device", DisplayAdapter.DeviceDescription())];

    /// <summary>A one-line preview of a tensor ("float32 [2, 3]") or a module ("Linear (6 parameters)"); null for other values.</summary>
    public static string? Preview(object? value) => value switch
    {
        Tensor t => $"{DisplayAdapter.DtypeName(t.dtype)["torch.".Length..]} [{string.Join(", ", t.shape)}]",
        torch.nn.Module m => $"{DisplayAdapter.TypeName(m)} ({m.parameters().Sum(p => p.numel()):N0} parameters)",
        _ => null,
    };

    /// <summary>
    /// A model summary's renderings for one sample of <paramref name="inputSize"/>; a CommandArgumentException naming
    /// <paramref name="expression"/> when the value is not a module from tensor to tensor.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Summary(object? model, string expression, long[] inputSize, bool kernelShape, bool multAdds) =>
        NotebookCommands.Summary(model, expression, inputSize, kernelShape, multAdds).ToMimeBundle();

    /// <summary>The loss and metric curves of the History that fit returned; a CommandArgumentException for any other value.</summary>
    public static IReadOnlyDictionary<string, string> HistoryPlot(object? history, string expression) =>
        NotebookCommands.PlotHistory(history, expression).ToMimeBundle();

    private sealed class DelegateDisplayHost(Action<string, IReadOnlyDictionary<string, string>, bool> send) : IDisplayHost
    {
        public void Display(string displayId, MimeBundle bundle) => send(displayId, bundle, false);

        public void Update(string displayId, MimeBundle bundle) => send(displayId, bundle, true);

        public void Clear(string displayId) => send(displayId, new Dictionary<string, string>(), true);
    }
}
