namespace NotebookDL.TorchSharp;

/// <summary>What <see cref="TorchSharpNatives.EnsureLoaded"/> did.</summary>
public enum TorchSharpNativesAction
{
    /// <summary>Nothing: not Linux, or the system libstdc++ has every version LibTorchSharp needs.</summary>
    NotNeeded,
    /// <summary>Loaded a patched copy of libLibTorchSharp.so from the per-user cache.</summary>
    Patched,
    /// <summary>Loaded the library named by <c>NOTEBOOKDL_LIBTORCHSHARP</c>.</summary>
    Override,
}

/// <summary>The outcome of <see cref="TorchSharpNatives.EnsureLoaded"/>.</summary>
/// <param name="Action">What was done.</param>
/// <param name="Original">The libLibTorchSharp.so TorchSharp would have loaded, when found.</param>
/// <param name="Loaded">The file loaded in its place, for <see cref="TorchSharpNativesAction.Patched"/> and <see cref="TorchSharpNativesAction.Override"/>.</param>
/// <param name="MissingVersions">The libstdc++ versions the original needs and the system lacks.</param>
/// <param name="ReusedCache">True when the patched copy was already in the cache.</param>
public sealed record TorchSharpNativesResult(
    TorchSharpNativesAction Action, string? Original, string? Loaded, IReadOnlyList<string> MissingVersions, bool ReusedCache);
