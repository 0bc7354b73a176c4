namespace NotebookDL.TorchSharp.Training.Tests;

/// <summary>Tests that write files get a fresh folder each, removed after the test.</summary>
public abstract class TemporaryFolderTests : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("notebookdl-torchsharp-training-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
