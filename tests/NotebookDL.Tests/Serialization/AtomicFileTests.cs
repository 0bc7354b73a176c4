namespace NotebookDL.Tests.Serialization;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("notebookdl-atomic-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A full disk is an IOException from a write halfway through; the writer here throws exactly that.</summary>
    [Fact]
    public void Write_DiskFullMidway_KeepsTheOriginalAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(folder, "notebook.ipynb");
        File.WriteAllText(path, "the student's work");

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[4096]);
            throw new IOException("No space left on device");
        }));

        Assert.Equal("No space left on device", error.Message);
        Assert.Equal("the student's work", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public void WriteAllText_ExistingFile_IsReplacedWholeWithoutAByteOrderMark()
    {
        var path = Path.Combine(folder, "out", "notebook.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "old content that is longer");

        AtomicFile.WriteAllText(path, "new é");

        Assert.Equal([(byte)'n', (byte)'e', (byte)'w', (byte)' ', 0xC3, 0xA9], File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }
}
