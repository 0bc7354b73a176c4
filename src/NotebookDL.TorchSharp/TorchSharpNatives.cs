using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using NotebookDL.TorchSharp.Elf;
using TorchSharp;

namespace NotebookDL.TorchSharp;

/// <summary>
/// Makes TorchSharp's natives load on Linux systems whose libstdc++ predates GCC 13 (Debian 12, Ubuntu 22.04). Call
/// <see cref="EnsureLoaded"/> before the first use of <c>TorchSharp.torch</c>; elsewhere it does nothing.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's libLibTorchSharp.so requires <c>GLIBCXX_3.4.32</c> only for the never-called marker
/// <c>std::ios_base_library_init()</c>. When the system lacks that version, a copy with the requirement renamed (see
/// <see cref="MarkerVersionPatcher"/>) is written to a per-user cache and loaded after libtorch, from the folder TorchSharp
/// would use. TorchSharp then binds to it: its load by name finds the loaded library by soname, and its P/Invokes are
/// routed to it by a DllImport resolver.
/// </remarks>
public static class TorchSharpNatives
{
    /// <summary>Names a working libLibTorchSharp.so to load as is, e.g. one built against the system's libstdc++.</summary>
    public const string OverrideVariable = "NOTEBOOKDL_LIBTORCHSHARP";

    const string DllImportName = "LibTorchSharp";
    static readonly Lock gate = new();
    static TorchSharpNativesResult? result;
    static IntPtr handle;

    /// <summary>
    /// Loads TorchSharp's natives in a way this system supports, once per process; later calls return the first result.
    /// Thread-safe. On success TorchSharp works as usual.
    /// </summary>
    /// <exception cref="TorchSharpNativesException">The natives cannot be loaded here; the message says why and what to do.</exception>
    public static TorchSharpNativesResult EnsureLoaded()
    {
        lock (gate)
            return result ??= Load(PatchedLibraryCache.DefaultRoot());
    }

    static TorchSharpNativesResult Load(string cacheRoot)
    {
        var notNeeded = new TorchSharpNativesResult(TorchSharpNativesAction.NotNeeded, null, null, [], false);
        if (!OperatingSystem.IsLinux())
            return notNeeded;
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
            throw new TorchSharpNativesException(
                $"TorchSharp ships libtorch for linux-x64 only and this process is linux-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}. " +
                $"Fix: run on x86-64, or build LibTorchSharp for this architecture and set {OverrideVariable} to it.");

        var dirs = NativeFileLocator.SearchDirectories();
        var overridePath = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrEmpty(overridePath))
        {
            if (!File.Exists(overridePath))
                throw new TorchSharpNativesException($"{OverrideVariable} names {overridePath}, which does not exist. Fix: point it at a libLibTorchSharp.so or unset it.");
            LoadInPlaceOfTorchSharps(overridePath, [Path.GetDirectoryName(Path.GetFullPath(overridePath))!, .. dirs]);
            return new TorchSharpNativesResult(TorchSharpNativesAction.Override, NativeFileLocator.Find(NativeFileLocator.LibTorchSharp, dirs), overridePath, [], false);
        }

        var libstdcxx = SystemLibStdCxx.Locate()
            ?? throw new TorchSharpNativesException($"No {SystemLibStdCxx.Soname} can be loaded. Fix: install the libstdc++6 package (GCC 13 or newer).");
        var original = NativeFileLocator.Find(NativeFileLocator.LibTorchSharp, dirs)
            ?? throw new TorchSharpNativesException(
                $"{NativeFileLocator.LibTorchSharp} was found in none of: {string.Join(", ", dirs)}. Fix: reference the TorchSharp-cpu " +
                $"package (or a TorchSharp CUDA package) of the same version as TorchSharp, or set {OverrideVariable} to the library.");

        MarkerVersionPatch patch;
        try
        {
            patch = MarkerVersionPatcher.Plan(ElfFile.Open(original), SystemLibStdCxx.Soname, SystemLibStdCxx.Versions(libstdcxx));
        }
        catch (ElfFormatException e)
        {
            throw new TorchSharpNativesException(
                $"Cannot read the symbol versions of {original} or {libstdcxx} ({e.Message}). Fix: install a libstdc++ from GCC 13 or newer " +
                $"(it defines GLIBCXX_3.4.32), or set {OverrideVariable} to a libLibTorchSharp.so that loads on this system.", e);
        }
        if (patch.IsEmpty)
            return notNeeded with { Original = original };
        if (patch.Blockers.Count > 0)
            throw new TorchSharpNativesException(
                $"{original} needs {string.Join(", ", patch.MissingVersions)} of {SystemLibStdCxx.Soname}, which {libstdcxx} lacks, and this cannot be " +
                $"patched out: {string.Join("; ", patch.Blockers)}. Fix: install a libstdc++ from GCC 13 or newer (Debian 13, Ubuntu 24.04, or conda's " +
                $"libstdcxx-ng with LD_LIBRARY_PATH pointing at it), or set {OverrideVariable} to a libLibTorchSharp.so built for this system.");

        var patched = PatchedLibraryCache.GetOrCreate(original, image => MarkerVersionPatcher.Apply(image, patch), cacheRoot, out bool reused);
        // The copy lives in the cache, so its RUNPATH ($ORIGIN) no longer finds libtorch: load libtorch first from the
        // original's folder (and the other probing folders), and the copy's DT_NEEDED entries bind to it by soname.
        LoadInPlaceOfTorchSharps(patched, [Path.GetDirectoryName(original)!, .. dirs]);
        return new TorchSharpNativesResult(TorchSharpNativesAction.Patched, original, patched, patch.MissingVersions, reused);
    }

    /// <summary>Loads <paramref name="library"/>'s dependencies found in <paramref name="dirs"/>, then the library, and routes TorchSharp to it.</summary>
    static void LoadInPlaceOfTorchSharps(string library, IReadOnlyList<string> dirs)
    {
        try
        {
            foreach (var needed in ElfDynamicEntries.Needed(ElfFile.Open(library)))
            {
                // Only libtorch's own files; system libraries (libstdc++, libc) come from the system as usual.
                if (NativeFileLocator.Find(needed, dirs) is { } dependency)
                    NativeLibrary.Load(dependency);
            }
            handle = NativeLibrary.Load(library);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or ElfFormatException)
        {
            throw new TorchSharpNativesException(
                $"Loading {library} failed: {e.Message} Fix: install a libstdc++ from GCC 13 or newer, or set {OverrideVariable} to a " +
                "libLibTorchSharp.so that loads on this system.", e);
        }
        var torchSharp = typeof(torch).Assembly;
        try
        {
            // P/Invokes consult this first, so they never probe (and fail on) the unpatched file beside the app.
            NativeLibrary.SetDllImportResolver(torchSharp, Resolve);
        }
        catch (InvalidOperationException)
        {
            // Someone else owns the resolver; the load-context event still catches the probes that fail.
        }
        (AssemblyLoadContext.GetLoadContext(torchSharp) ?? AssemblyLoadContext.Default).ResolvingUnmanagedDll += (assembly, name) =>
            assembly == torchSharp && name == DllImportName ? handle : IntPtr.Zero;
    }

    static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == DllImportName ? handle : IntPtr.Zero;
}
