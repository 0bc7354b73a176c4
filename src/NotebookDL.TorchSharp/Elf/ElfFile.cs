using System.Buffers.Binary;
using System.Text;

namespace NotebookDL.TorchSharp.Elf;

/// <summary>
/// A read-only view of an ELF64 little-endian file's section headers. Sections are read on demand so that
/// inspecting a 450 MB <c>libtorch_cpu.so</c> reads kilobytes, not the whole file.
/// </summary>
public sealed class ElfFile
{
    const int HeaderSize = 64;
    const int SectionHeaderSize = 64;

    readonly string path;

    ElfFile(string path, ushort machine, IReadOnlyList<ElfSection> sections)
    {
        this.path = path;
        Machine = machine;
        Sections = sections;
    }

    /// <summary>The ELF machine (<c>e_machine</c>); 62 is x86-64, 183 is AArch64.</summary>
    public ushort Machine { get; }

    /// <summary>The section header table, in file order.</summary>
    public IReadOnlyList<ElfSection> Sections { get; }

    /// <summary>The ELF machine number of x86-64.</summary>
    public const ushort MachineX86_64 = 62;

    /// <summary>Reads the ELF header and section headers of <paramref name="path"/>.</summary>
    /// <exception cref="ElfFormatException">The file is not an ELF64 little-endian file with section headers.</exception>
    public static ElfFile Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var header = ReadExactly(stream, 0, HeaderSize, path);
        if (header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F')
            throw new ElfFormatException($"{path} is not an ELF file.");
        if (header[4] != 2 || header[5] != 1)
            throw new ElfFormatException($"{path} is not a 64-bit little-endian ELF file (class {header[4]}, data {header[5]}).");
        var span = header.AsSpan();
        ushort machine = BinaryPrimitives.ReadUInt16LittleEndian(span[18..]);
        long shoff = checked((long)BinaryPrimitives.ReadUInt64LittleEndian(span[40..]));
        ushort shentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[58..]);
        ushort shnum = BinaryPrimitives.ReadUInt16LittleEndian(span[60..]);
        ushort shstrndx = BinaryPrimitives.ReadUInt16LittleEndian(span[62..]);
        // shnum == 0 with shoff != 0 means more than 0xff00 sections (count in section 0); shared libraries never need that.
        if (shoff == 0 || shnum == 0 || shentsize != SectionHeaderSize || shstrndx >= shnum)
            throw new ElfFormatException($"{path} has no usable section header table (shoff {shoff}, shnum {shnum}, shentsize {shentsize}).");

        var table = ReadExactly(stream, shoff, shnum * SectionHeaderSize, path);
        var raw = new (uint name, uint type, long offset, long size, int link, uint info, long entsize)[shnum];
        for (int i = 0; i < shnum; i++)
        {
            var s = table.AsSpan(i * SectionHeaderSize, SectionHeaderSize);
            raw[i] = (BinaryPrimitives.ReadUInt32LittleEndian(s),
                      BinaryPrimitives.ReadUInt32LittleEndian(s[4..]),
                      checked((long)BinaryPrimitives.ReadUInt64LittleEndian(s[24..])),
                      checked((long)BinaryPrimitives.ReadUInt64LittleEndian(s[32..])),
                      checked((int)BinaryPrimitives.ReadUInt32LittleEndian(s[40..])),
                      BinaryPrimitives.ReadUInt32LittleEndian(s[44..]),
                      checked((long)BinaryPrimitives.ReadUInt64LittleEndian(s[56..])));
        }
        var names = ReadExactly(stream, raw[shstrndx].offset, checked((int)raw[shstrndx].size), path);
        var sections = new ElfSection[shnum];
        for (int i = 0; i < shnum; i++)
        {
            var r = raw[i];
            sections[i] = new ElfSection(CString(names, r.name), r.type, r.offset, r.size, r.link, r.info, r.entsize);
        }
        return new ElfFile(path, machine, sections);
    }

    /// <summary>The first section of <paramref name="type"/>, or null when the file has none.</summary>
    public ElfSection? FindSection(uint type) => Sections.FirstOrDefault(s => s.Type == type);

    /// <summary>Reads a section's bytes from the file.</summary>
    public byte[] ReadSection(ElfSection section)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return ReadExactly(stream, section.Offset, checked((int)section.Size), path);
    }

    /// <summary>Reads the NUL-terminated string at <paramref name="offset"/> of a string table.</summary>
    public static string CString(ReadOnlySpan<byte> table, uint offset)
    {
        if (offset >= table.Length)
            throw new ElfFormatException($"String offset {offset} lies outside its string table ({table.Length} bytes).");
        var rest = table[(int)offset..];
        int end = rest.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
    }

    static byte[] ReadExactly(FileStream stream, long offset, int count, string path)
    {
        if (offset < 0 || offset + count > stream.Length)
            throw new ElfFormatException($"{path}: {count} bytes at offset {offset} lie outside the file ({stream.Length} bytes).");
        var buffer = new byte[count];
        stream.Position = offset;
        stream.ReadExactly(buffer);
        return buffer;
    }
}
