using NotebookDL.TorchSharp;

namespace NotebookDL.TorchSharp.Tests.Natives;

public class NativeFileLocatorTests
{
    [Theory]
    [InlineData("2.10.0.0", "2.10.0")]   // TorchSharp 0.107's libtorchPackageVersion, and the folder NuGet restores it to
    [InlineData("2.10.0.1", "2.10.0.1")]
    [InlineData("2.10.0", "2.10.0")]
    [InlineData("2.5.1.0-Preview", "2.5.1-preview")]
    public void NuGetFolderVersion_PackageVersion_MatchesNuGetsFolderName(string version, string folder) =>
        Assert.Equal(folder, NativeFileLocator.NuGetFolderVersion(version));
}
