using System.Runtime.InteropServices;
using NotebookDL.TorchSharp.Elf;

namespace NotebookDL.TorchSharp;

/// <summary>Finds the libstdc++ this process binds C++ libraries to, and the symbol versions it defines.</summary>
public static class SystemLibStdCxx
{
    /// <summary>The name C++ shared objects list in <c>DT_NEEDED</c>.</summary>
    public const string Soname = "libstdc++.so.6";

    /// <summary>
    /// The path of the libstdc++ the process uses: the one already mapped, or else the one the dynamic linker picks for
    /// <c>libstdc++.so.6</c> (LD_LIBRARY_PATH, ld.so.cache, default folders). Loading it is harmless: libtorch needs it anyway.
    /// Null when none can be loaded.
    /// </summary>
    public static string? Locate()
    {
        // Asking the dynamic linker itself, rather than re-implementing its search, gives the exact file libtorch will get.
        if (!NativeLibrary.TryLoad(Soname, out _))
            return null;
        return MappedPath(Soname);
    }

    /// <summary>The versions (e.g. <c>GLIBCXX_3.4.30</c>) the libstdc++ at <paramref name="path"/> defines.</summary>
    public static IReadOnlySet<string> Versions(string path) => ElfVersionDefinitions.Read(ElfFile.Open(path));

    /// <summary>The file behind the first mapping in <c>/proc/self/maps</c> whose name starts with <paramref name="soname"/>.</summary>
    internal static string? MappedPath(string soname)
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
            return null;
        foreach (var line in File.ReadLines(maps))
        {
            // Fields: address perms offset dev inode pathname; the pathname starts at the first '/'.
            int slash = line.IndexOf('/');
            if (slash < 0)
                continue;
            var path = line[slash..];
            if (Path.GetFileName(path).StartsWith(soname, StringComparison.Ordinal))
                return path;
        }
        return null;
    }
}
