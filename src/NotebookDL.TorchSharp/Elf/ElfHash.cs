namespace NotebookDL.TorchSharp.Elf;

/// <summary>The System V ELF hash, which version entries store beside each version name (<c>vna_hash</c>, <c>vd_hash</c>).</summary>
public static class ElfHash
{
    /// <summary>Hashes <paramref name="name"/> (ASCII) the way the dynamic linker does when it compares version names.</summary>
    public static uint Compute(string name)
    {
        uint h = 0;
        foreach (char c in name)
        {
            h = (h << 4) + (byte)c;
            uint g = h & 0xf0000000;
            if (g != 0)
                h ^= g >> 24;
            h &= ~g;
        }
        return h;
    }
}
