using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Tests.Runner;

public sealed class FileIdentityTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("notebookdl-identity-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void SameFile_OtherSpellingsAndLinks_AreTheSameFile()
    {
        var notebook = Path.Combine(folder, "nb.ipynb");
        File.WriteAllText(notebook, "{}");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        var linkedFolder = Path.Combine(folder, "here");
        Directory.CreateSymbolicLink(linkedFolder, folder);
        var linkedFile = Path.Combine(folder, "alias.ipynb");
        File.CreateSymbolicLink(linkedFile, notebook);

        Assert.True(FileIdentity.SameFile(Path.Combine(folder, "sub", "..", "nb.ipynb"), notebook));
        Assert.True(FileIdentity.SameFile(Path.Combine(linkedFolder, "nb.ipynb"), notebook));
        Assert.True(FileIdentity.SameFile(linkedFile, notebook));
        Assert.False(FileIdentity.SameFile(Path.Combine(folder, "sub", "nb.ipynb"), notebook));
        Assert.False(FileIdentity.SameFile(Path.Combine(folder, "missing", "nb.ipynb"), notebook));
    }
}
