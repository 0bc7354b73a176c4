namespace NotebookDL.TorchSharp.Elf;

/// <summary>One entry of an ELF64 section header table (the fields this library reads).</summary>
/// <param name="Name">The section's name from the section-name string table, e.g. <c>.dynsym</c>.</param>
/// <param name="Type">The section type (<c>sh_type</c>), see <see cref="ElfSectionType"/>.</param>
/// <param name="Offset">Where the section's bytes start in the file.</param>
/// <param name="Size">How many bytes the section occupies in the file.</param>
/// <param name="Link">The index of the associated section (<c>sh_link</c>), e.g. a symbol table's string table.</param>
/// <param name="Info">Extra type-specific information (<c>sh_info</c>), e.g. the number of version entries.</param>
/// <param name="EntrySize">The size of one entry for tables of fixed-size entries (<c>sh_entsize</c>).</param>
public sealed record ElfSection(string Name, uint Type, long Offset, long Size, int Link, uint Info, long EntrySize);

/// <summary>The section types (<c>sh_type</c>) this library understands.</summary>
public static class ElfSectionType
{
    /// <summary>A string table.</summary>
    public const uint StringTable = 3;
    /// <summary>The dynamic linking table (<c>.dynamic</c>).</summary>
    public const uint Dynamic = 6;
    /// <summary>The dynamic symbol table (<c>.dynsym</c>).</summary>
    public const uint DynamicSymbols = 11;
    /// <summary>GNU symbol version definitions (<c>.gnu.version_d</c>).</summary>
    public const uint GnuVersionDefinitions = 0x6ffffffd;
    /// <summary>GNU symbol version requirements (<c>.gnu.version_r</c>).</summary>
    public const uint GnuVersionNeeds = 0x6ffffffe;
    /// <summary>GNU per-symbol version indices (<c>.gnu.version</c>).</summary>
    public const uint GnuVersionSymbols = 0x6fffffff;
}
