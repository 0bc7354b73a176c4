using NotebookDL;

namespace NotebookDL.Tests.Data;

public sealed class FileChecksumTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("notebookdl-checksum-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Compute_FileChangedInPlaceWithSizeAndTimeKept_SeesTheChange()
    {
        var path = Path.Combine(folder, "data.bin");
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        var written = File.GetLastWriteTimeUtc(path);
        var checksum = FileChecksum.Md5("08d6c05a21512a79a1dfeb9d2a8f262f");
        Assert.True(checksum.Matches(path, out _));

        File.WriteAllBytes(path, [1, 2, 3, 5]);
        File.SetLastWriteTimeUtc(path, written);

        Assert.False(checksum.Matches(path, out var actual));
        Assert.NotEqual(checksum.Hex, actual);
    }
}
