using System.Buffers.Binary;

namespace NotebookDL.TorchSharp.Elf;

/// <summary>Parses <c>.gnu.version_d</c>, the symbol versions a shared object defines (what it offers its users).</summary>
public static class ElfVersionDefinitions
{
    const int VerdefSize = 20;
    const int VerdauxSize = 8;

    /// <summary>The names of the versions <paramref name="elf"/> defines, e.g. <c>GLIBCXX_3.4.30</c>; empty when it has none.</summary>
    public static IReadOnlySet<string> Read(ElfFile elf)
    {
        var section = elf.FindSection(ElfSectionType.GnuVersionDefinitions);
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (section is null)
            return names;
        var data = elf.ReadSection(section);
        var strings = elf.ReadSection(elf.Sections[section.Link]);
        int at = 0;
        for (uint n = 0; n < section.Info; n++)
        {
            if (at < 0 || at + VerdefSize > data.Length)
                throw new ElfFormatException($".gnu.version_d entry at {at} runs past the section ({data.Length} bytes).");
            var vd = data.AsSpan(at);
            uint aux = BinaryPrimitives.ReadUInt32LittleEndian(vd[12..]);
            uint next = BinaryPrimitives.ReadUInt32LittleEndian(vd[16..]);
            // The first Verdaux names the version itself; later ones name its predecessors, which have their own Verdef.
            int auxAt = at + (int)aux;
            if (auxAt < 0 || auxAt + VerdauxSize > data.Length)
                throw new ElfFormatException($".gnu.version_d auxiliary entry at {auxAt} runs past the section.");
            names.Add(ElfFile.CString(strings, BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(auxAt))));
            if (next == 0)
                break;
            at += (int)next;
        }
        return names;
    }
}
