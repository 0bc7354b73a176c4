using System.Security.Cryptography;

namespace NotebookDL.TorchSharp;

/// <summary>
/// Keeps patched copies of native libraries in a per-user cache folder, one folder per original file's SHA-256, so a
/// new TorchSharp version gets a new copy and an old one is never mistaken for it. The originals (often in the shared
/// NuGet cache) are only read.
/// </summary>
public static class PatchedLibraryCache
{
    /// <summary>Overrides the cache folder.</summary>
    public const string CacheVariable = "NOTEBOOKDL_NATIVE_CACHE";

    /// <summary>The cache folder: <c>$NOTEBOOKDL_NATIVE_CACHE</c>, else <c>$XDG_CACHE_HOME/notebookdl/natives</c>, else <c>~/.cache/notebookdl/natives</c>.</summary>
    public static string DefaultRoot()
    {
        var root = Environment.GetEnvironmentVariable(CacheVariable);
        if (!string.IsNullOrEmpty(root))
            return root;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(xdg))
            xdg = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(xdg, "notebookdl", "natives");
    }

    /// <summary>
    /// Returns the path of <paramref name="original"/>'s patched copy under <paramref name="root"/>, writing it with
    /// <paramref name="patch"/> unless an identical copy is already there. <paramref name="reused"/> tells which.
    /// </summary>
    public static string GetOrCreate(string original, Func<byte[], byte[]> patch, string root, out bool reused)
    {
        var image = File.ReadAllBytes(original);
        var key = Convert.ToHexStringLower(SHA256.HashData(image))[..16];
        var dir = Path.Combine(root, key);
        var target = Path.Combine(dir, Path.GetFileName(original));
        var patched = patch(image);
        // Comparing bytes (2 MB) rather than trusting the name also repairs a copy damaged by hand.
        if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(patched))
        {
            reused = true;
            return target;
        }
        Directory.CreateDirectory(dir);
        // Write beside the target and rename over it: readers (other processes, other threads) see the old file or
        // the complete new one, never a half-written library.
        var temp = Path.Combine(dir, $".{Path.GetFileName(original)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(patched);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
        reused = false;
        return target;
    }
}
