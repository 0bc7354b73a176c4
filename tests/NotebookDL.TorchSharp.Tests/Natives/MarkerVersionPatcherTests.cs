using System.Security.Cryptography;
using NotebookDL.TorchSharp.Elf;

namespace NotebookDL.TorchSharp.Tests.Natives;

public class MarkerVersionPatcherTests
{
    static (string Original, MarkerVersionPatch Patch) Plan()
    {
        var original = NativeFiles.LibTorchSharp;
        return (original, MarkerVersionPatcher.Plan(ElfFile.Open(original), SystemLibStdCxx.Soname, NativeFiles.Gcc12Versions(original)));
    }

    [Fact]
    public void Plan_Gcc12LibStdCxx_RedirectsOnlyTheIosBaseMarker()
    {
        var (_, patch) = Plan();
        Assert.Empty(patch.Blockers);
        Assert.Equal(["GLIBCXX_3.4.32"], patch.MissingVersions);
        var symbol = Assert.Single(patch.Symbols);
        Assert.Equal("_ZSt21ios_base_library_initv", symbol.Name);
        Assert.True(symbol.IsUndefined);
    }

    [Fact]
    public void Plan_AllVersionsAvailable_IsEmpty()
    {
        var original = NativeFiles.LibTorchSharp;
        var all = ElfVersionNeeds.Read(ElfFile.Open(original)).SelectMany(n => n.Versions).Select(v => v.Name).ToHashSet();
        Assert.True(MarkerVersionPatcher.Plan(ElfFile.Open(original), SystemLibStdCxx.Soname, all).IsEmpty);
    }

    [Fact]
    public void Plan_MissingVersionUsedByRealSymbols_HasBlockers()
    {
        var original = NativeFiles.LibTorchSharp;
        var available = NativeFiles.Gcc12Versions(original).Where(v => v != "GLIBCXX_3.4.30").ToHashSet();
        var patch = MarkerVersionPatcher.Plan(ElfFile.Open(original), SystemLibStdCxx.Soname, available);
        Assert.Contains(patch.Blockers, b => b.Contains("GLIBCXX_3.4.30"));
        Assert.Throws<InvalidOperationException>(() => MarkerVersionPatcher.Apply(File.ReadAllBytes(original), patch));
    }

    [Fact]
    public void Apply_PatchedCopy_RequiresNoMissingVersionAndKeepsEverythingElse()
    {
        var (original, patch) = Plan();
        var image = File.ReadAllBytes(original);
        var dir = NativeFiles.TempDirectory();
        try
        {
            var copy = Path.Combine(dir, "libLibTorchSharp.so");
            File.WriteAllBytes(copy, MarkerVersionPatcher.Apply(image, patch));

            var before = ElfFile.Open(original);
            var after = ElfFile.Open(copy);
            var needs = ElfVersionNeeds.Read(after);
            Assert.DoesNotContain(needs.SelectMany(n => n.Versions), v => v.Name == "GLIBCXX_3.4.32");
            // Same dependencies, same number of requirements, same indices: only the one name changed.
            Assert.Equal(ElfVersionNeeds.Read(before).Select(n => (n.File, n.Versions.Count)), needs.Select(n => (n.File, n.Versions.Count)));
            Assert.Equal(ElfVersionNeeds.Read(before).SelectMany(n => n.Versions).Select(v => v.Index), needs.SelectMany(v => v.Versions).Select(v => v.Index));
            foreach (var v in needs.SelectMany(n => n.Versions))
                Assert.Equal(ElfHash.Compute(v.Name), v.Hash);

            var symbolsBefore = ElfDynamicSymbols.Read(before);
            var symbolsAfter = ElfDynamicSymbols.Read(after);
            Assert.Equal(symbolsBefore.Select(s => s.Name), symbolsAfter.Select(s => s.Name));
            var changed = symbolsBefore.Zip(symbolsAfter).Where(p => p.First.VersionIndex != p.Second.VersionIndex).ToArray();
            var (was, now) = Assert.Single(changed);
            Assert.Equal("_ZSt21ios_base_library_initv", was.Name);
            Assert.Equal(1, now.Index);

            // Byte-level: the same size, and only the 2-byte versym entry and the 4-byte vna_hash and vna_name differ.
            var patched = File.ReadAllBytes(copy);
            Assert.Equal(image.Length, patched.Length);
            int differing = Enumerable.Range(0, image.Length).Count(i => image[i] != patched[i]);
            Assert.InRange(differing, 1, 2 + 4 + 4);
            Assert.Equal(ElfDynamicEntries.Needed(before), ElfDynamicEntries.Needed(after));
            Assert.Equal("libLibTorchSharp.so", ElfDynamicEntries.Soname(after));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void GetOrCreate_SecondCall_ReusesTheCachedCopyAndLeavesTheOriginalUntouched()
    {
        var (original, patch) = Plan();
        var hash = SHA256.HashData(File.ReadAllBytes(original));
        var written = File.GetLastWriteTimeUtc(original);
        var root = NativeFiles.TempDirectory();
        try
        {
            var first = PatchedLibraryCache.GetOrCreate(original, image => MarkerVersionPatcher.Apply(image, patch), root, out bool reusedFirst);
            var stamp = File.GetLastWriteTimeUtc(first);
            var second = PatchedLibraryCache.GetOrCreate(original, image => MarkerVersionPatcher.Apply(image, patch), root, out bool reusedSecond);

            Assert.False(reusedFirst);
            Assert.True(reusedSecond);
            Assert.Equal(first, second);
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(second));
            Assert.StartsWith(root, first);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(first)!, "*.tmp", SearchOption.AllDirectories));
            Assert.Equal(hash, SHA256.HashData(File.ReadAllBytes(original)));
            Assert.Equal(written, File.GetLastWriteTimeUtc(original));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void GetOrCreate_DamagedCachedCopy_IsRewritten()
    {
        var (original, patch) = Plan();
        var root = NativeFiles.TempDirectory();
        try
        {
            var path = PatchedLibraryCache.GetOrCreate(original, image => MarkerVersionPatcher.Apply(image, patch), root, out _);
            File.WriteAllBytes(path, [1, 2, 3]);
            var again = PatchedLibraryCache.GetOrCreate(original, image => MarkerVersionPatcher.Apply(image, patch), root, out bool reused);
            Assert.False(reused);
            Assert.Equal(new FileInfo(original).Length, new FileInfo(again).Length);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void ElfHash_KnownVersionName_MatchesTheStoredHash()
    {
        var needs = ElfVersionNeeds.Read(ElfFile.Open(NativeFiles.LibTorchSharp));
        foreach (var v in needs.SelectMany(n => n.Versions))
            Assert.Equal(v.Hash, ElfHash.Compute(v.Name));
    }

    [Fact]
    public void Open_NotAnElfFile_ThrowsElfFormatException()
    {
        var dir = NativeFiles.TempDirectory();
        try
        {
            var path = Path.Combine(dir, "not.so");
            File.WriteAllText(path, "#!/bin/sh\necho this is a script, not a shared object, and it is long enough for a header\n");
            Assert.Throws<ElfFormatException>(() => ElfFile.Open(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
