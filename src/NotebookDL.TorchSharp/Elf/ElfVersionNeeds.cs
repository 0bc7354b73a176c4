using System.Buffers.Binary;

namespace NotebookDL.TorchSharp.Elf;

/// <summary>One version a shared object requires from one of its dependencies (an ELF <c>Vernaux</c> entry).</summary>
/// <param name="Name">The version name, e.g. <c>GLIBCXX_3.4.32</c>.</param>
/// <param name="Index">The version index (<c>vna_other</c>) that <c>.gnu.version</c> entries use to refer to it.</param>
/// <param name="Hash">The stored ELF hash of <paramref name="Name"/> (<c>vna_hash</c>).</param>
/// <param name="NameOffset">The offset of the name in the dynamic string table (<c>vna_name</c>).</param>
/// <param name="EntryOffset">Where this 16-byte entry starts in the file, for patching.</param>
public sealed record ElfVersionRequirement(string Name, ushort Index, uint Hash, uint NameOffset, long EntryOffset);

/// <summary>The versions a shared object requires from one dependency (an ELF <c>Verneed</c> entry).</summary>
/// <param name="File">The dependency's name, e.g. <c>libstdc++.so.6</c>.</param>
/// <param name="Versions">The versions required from it.</param>
public sealed record ElfVersionNeed(string File, IReadOnlyList<ElfVersionRequirement> Versions);

/// <summary>Parses <c>.gnu.version_r</c>, the versions a shared object requires from its dependencies.</summary>
public static class ElfVersionNeeds
{
    const int VerneedSize = 16;
    const int VernauxSize = 16;

    /// <summary>Reads the version requirements of <paramref name="elf"/>; empty when it has no <c>.gnu.version_r</c>.</summary>
    public static IReadOnlyList<ElfVersionNeed> Read(ElfFile elf)
    {
        var section = elf.FindSection(ElfSectionType.GnuVersionNeeds);
        if (section is null)
            return [];
        var data = elf.ReadSection(section);
        var strings = elf.ReadSection(elf.Sections[section.Link]);
        var needs = new List<ElfVersionNeed>();
        int at = 0;
        // sh_info holds the number of Verneed entries; a chain that runs past it or the section is malformed.
        for (uint n = 0; n < section.Info; n++)
        {
            Check(at, VerneedSize, data.Length);
            var vn = data.AsSpan(at);
            ushort count = BinaryPrimitives.ReadUInt16LittleEndian(vn[2..]);
            string file = ElfFile.CString(strings, BinaryPrimitives.ReadUInt32LittleEndian(vn[4..]));
            uint aux = BinaryPrimitives.ReadUInt32LittleEndian(vn[8..]);
            uint next = BinaryPrimitives.ReadUInt32LittleEndian(vn[12..]);
            var versions = new List<ElfVersionRequirement>(count);
            int auxAt = at + (int)aux;
            for (int i = 0; i < count; i++)
            {
                Check(auxAt, VernauxSize, data.Length);
                var va = data.AsSpan(auxAt);
                uint hash = BinaryPrimitives.ReadUInt32LittleEndian(va);
                ushort index = BinaryPrimitives.ReadUInt16LittleEndian(va[6..]);
                uint name = BinaryPrimitives.ReadUInt32LittleEndian(va[8..]);
                uint auxNext = BinaryPrimitives.ReadUInt32LittleEndian(va[12..]);
                versions.Add(new ElfVersionRequirement(ElfFile.CString(strings, name), index, hash, name, section.Offset + auxAt));
                if (auxNext == 0)
                    break;
                auxAt += (int)auxNext;
            }
            needs.Add(new ElfVersionNeed(file, versions));
            if (next == 0)
                break;
            at += (int)next;
        }
        return needs;
    }

    static void Check(int at, int size, int length)
    {
        if (at < 0 || at + size > length)
            throw new ElfFormatException($".gnu.version_r entry at {at} runs past the section ({length} bytes).");
    }
}
