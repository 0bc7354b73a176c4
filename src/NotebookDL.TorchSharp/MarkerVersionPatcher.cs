using System.Buffers.Binary;
using NotebookDL.TorchSharp.Elf;

namespace NotebookDL.TorchSharp;

/// <summary>
/// Removes a shared object's requirement of a symbol version its dependency lacks when the only symbols of that version
/// are markers nothing calls. GCC 13's &lt;iostream&gt; makes every object that includes it import
/// <c>std::ios_base_library_init()</c> at <c>GLIBCXX_3.4.32</c> so that the linker pulls in a new enough libstdc++; no
/// relocation refers to it, yet the version requirement alone stops the object loading on a libstdc++ from GCC 12.
/// </summary>
public static class MarkerVersionPatcher
{
    /// <summary>Symbols that exist only to carry a version requirement and are never called or relocated.</summary>
    public static IReadOnlySet<string> MarkerSymbols { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "_ZSt21ios_base_library_initv", // std::ios_base_library_init(), GLIBCXX_3.4.32 (GCC 13)
    };

    /// <summary>The version index that marks a symbol as global, i.e. unversioned.</summary>
    const ushort GlobalVersion = 1;

    /// <summary>
    /// Plans the patch of <paramref name="elf"/> for a <paramref name="dependency"/> that defines only
    /// <paramref name="available"/> versions. Every missing version must be used by marker symbols only, and the object
    /// must require another version of the same dependency that is available, to rename the missing one to.
    /// </summary>
    public static MarkerVersionPatch Plan(ElfFile elf, string dependency, IReadOnlySet<string> available)
    {
        var need = ElfVersionNeeds.Read(elf).FirstOrDefault(n => n.File == dependency);
        if (need is null)
            return new MarkerVersionPatch(dependency, [], [], [], []);
        var missing = need.Versions.Where(v => !available.Contains(v.Name)).ToArray();
        if (missing.Length == 0)
            return new MarkerVersionPatch(dependency, [], [], [], []);

        var blockers = new List<string>();
        // Renaming to a version the object already requires adds no new requirement and needs no new string.
        var replacement = need.Versions.Where(v => available.Contains(v.Name)).FirstOrDefault();
        if (replacement is null)
            blockers.Add($"it requires no version of {dependency} that the system has, to rename the missing ones to");

        var symbols = ElfDynamicSymbols.Read(elf);
        var patched = new List<ElfDynamicSymbol>();
        foreach (var version in missing)
        {
            var users = symbols.Where(s => s.Index == version.Index).ToArray();
            var real = users.Where(s => !s.IsUndefined || !MarkerSymbols.Contains(s.Name)).Select(s => s.Name).ToArray();
            if (real.Length > 0)
                blockers.Add($"{version.Name} is needed by {real.Length} symbol(s) that are really used, e.g. {real[0]}");
            patched.AddRange(users);
        }
        var redirects = replacement is null ? [] : missing.Select(m => (m, replacement)).ToArray();
        var names = missing.Select(m => m.Name).ToArray();
        return blockers.Count == 0
            ? new MarkerVersionPatch(dependency, names, redirects, patched, [])
            : new MarkerVersionPatch(dependency, names, [], [], blockers);
    }

    /// <summary>
    /// Returns a copy of <paramref name="image"/> (the object's whole file) with <paramref name="patch"/> applied: each
    /// marker symbol's <c>.gnu.version</c> entry becomes global and each missing requirement takes the name and hash of
    /// its replacement. Nothing else changes, not even the file's size.
    /// </summary>
    /// <exception cref="InvalidOperationException">The patch has blockers.</exception>
    public static byte[] Apply(ReadOnlySpan<byte> image, MarkerVersionPatch patch)
    {
        if (patch.Blockers.Count > 0)
            throw new InvalidOperationException("Cannot apply a patch with blockers: " + string.Join("; ", patch.Blockers));
        var copy = image.ToArray();
        foreach (var symbol in patch.Symbols)
            BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(checked((int)symbol.VersionEntryOffset)), GlobalVersion);
        foreach (var (missing, replacement) in patch.Redirects)
        {
            var entry = copy.AsSpan(checked((int)missing.EntryOffset));
            // vna_hash at 0 and vna_name at 8; vna_other (the index) stays, so no .gnu.version entry dangles.
            BinaryPrimitives.WriteUInt32LittleEndian(entry, replacement.Hash);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], replacement.NameOffset);
        }
        return copy;
    }
}
