using System.Buffers.Binary;

namespace NotebookDL.TorchSharp.Elf;

/// <summary>Reads the <c>.dynamic</c> entries that name libraries: the dependencies (<c>DT_NEEDED</c>) and the soname.</summary>
public static class ElfDynamicEntries
{
    const long DtNull = 0, DtNeeded = 1, DtSoname = 14;
    const int EntrySize = 16;

    /// <summary>The names of the libraries <paramref name="elf"/> depends on, in link order, e.g. <c>libtorch.so</c>.</summary>
    public static IReadOnlyList<string> Needed(ElfFile elf) =>
        Entries(elf).Where(e => e.Tag == DtNeeded).Select(e => e.Value).ToArray();

    /// <summary>The library's own name (<c>DT_SONAME</c>), or null when it has none.</summary>
    public static string? Soname(ElfFile elf) =>
        Entries(elf).Where(e => e.Tag == DtSoname).Select(e => e.Value).FirstOrDefault();

    static IEnumerable<(long Tag, string Value)> Entries(ElfFile elf)
    {
        var section = elf.FindSection(ElfSectionType.Dynamic);
        if (section is null)
            yield break;
        var data = elf.ReadSection(section);
        var strings = elf.ReadSection(elf.Sections[section.Link]);
        for (int at = 0; at + EntrySize <= data.Length; at += EntrySize)
        {
            long tag = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(at));
            if (tag == DtNull)
                yield break;
            if (tag is DtNeeded or DtSoname)
                yield return (tag, ElfFile.CString(strings, (uint)BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at + 8))));
        }
    }
}
