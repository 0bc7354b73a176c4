using System.Buffers.Binary;

namespace NotebookDL.TorchSharp.Elf;

/// <summary>One dynamic symbol with its version index.</summary>
/// <param name="Name">The symbol's (mangled) name.</param>
/// <param name="IsUndefined">True when the object imports the symbol (<c>st_shndx</c> is <c>SHN_UNDEF</c>).</param>
/// <param name="VersionIndex">The raw <c>.gnu.version</c> entry: bit 15 is the hidden flag, the rest the version index.</param>
/// <param name="VersionEntryOffset">Where the symbol's 2-byte <c>.gnu.version</c> entry lies in the file, for patching.</param>
public sealed record ElfDynamicSymbol(string Name, bool IsUndefined, ushort VersionIndex, long VersionEntryOffset)
{
    /// <summary>The version index without the hidden flag: 0 local, 1 global (unversioned), 2+ a named version.</summary>
    public int Index => VersionIndex & 0x7fff;
}

/// <summary>Parses <c>.dynsym</c> together with <c>.gnu.version</c>, which holds one version index per dynamic symbol.</summary>
public static class ElfDynamicSymbols
{
    const int SymbolSize = 24;

    /// <summary>The dynamic symbols of <paramref name="elf"/> with their versions; empty when it has no <c>.gnu.version</c>.</summary>
    public static IReadOnlyList<ElfDynamicSymbol> Read(ElfFile elf)
    {
        var versym = elf.FindSection(ElfSectionType.GnuVersionSymbols);
        if (versym is null)
            return [];
        var dynsym = elf.Sections[versym.Link];
        if (dynsym.Type != ElfSectionType.DynamicSymbols || dynsym.EntrySize != SymbolSize)
            throw new ElfFormatException($".gnu.version links to section {dynsym.Name} (type {dynsym.Type}), not to a .dynsym with {SymbolSize}-byte entries.");
        long count = dynsym.Size / SymbolSize;
        if (versym.Size != count * 2)
            throw new ElfFormatException($".gnu.version has {versym.Size} bytes for {count} dynamic symbols (2 bytes each expected).");
        var symbols = elf.ReadSection(dynsym);
        var versions = elf.ReadSection(versym);
        var strings = elf.ReadSection(elf.Sections[dynsym.Link]);
        var result = new ElfDynamicSymbol[count];
        for (int i = 0; i < count; i++)
        {
            var sym = symbols.AsSpan(i * SymbolSize, SymbolSize);
            uint name = BinaryPrimitives.ReadUInt32LittleEndian(sym);
            ushort shndx = BinaryPrimitives.ReadUInt16LittleEndian(sym[6..]);
            ushort version = BinaryPrimitives.ReadUInt16LittleEndian(versions.AsSpan(i * 2));
            result[i] = new ElfDynamicSymbol(ElfFile.CString(strings, name), shndx == 0, version, versym.Offset + i * 2);
        }
        return result;
    }
}
