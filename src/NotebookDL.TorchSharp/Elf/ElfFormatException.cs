namespace NotebookDL.TorchSharp.Elf;

/// <summary>Thrown when a file is not an ELF64 little-endian object or its tables are not laid out as expected.</summary>
public sealed class ElfFormatException(string message) : Exception(message);
