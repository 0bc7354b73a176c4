using NotebookDL.TorchSharp;

namespace NotebookDL.TorchSharp.Tests.Natives;

/// <summary>The libLibTorchSharp.so and system libstdc++ the patcher tests work on.</summary>
static class NativeFiles
{
    public static string LibTorchSharp =>
        NativeFileLocator.Find(NativeFileLocator.LibTorchSharp, NativeFileLocator.SearchDirectories())
        ?? throw new InvalidOperationException("libLibTorchSharp.so not found; is TorchSharp-cpu restored?");

    /// <summary>The GLIBCXX_3.4.30 system the patch is for (Debian 12), whatever this machine has.</summary>
    public static IReadOnlySet<string> Gcc12Versions(string library)
    {
        // Every libstdc++ version the library requires except those newer than GCC 12's.
        var versions = NotebookDL.TorchSharp.Elf.ElfVersionNeeds.Read(NotebookDL.TorchSharp.Elf.ElfFile.Open(library))
            .Single(n => n.File == SystemLibStdCxx.Soname).Versions.Select(v => v.Name)
            .Where(v => v is not ("GLIBCXX_3.4.31" or "GLIBCXX_3.4.32" or "GLIBCXX_3.4.33" or "CXXABI_1.3.14" or "CXXABI_1.3.15"));
        return versions.ToHashSet();
    }

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "notebookdl-natives-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
