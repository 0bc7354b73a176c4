using static TorchSharp.torch;

namespace NotebookDL.TorchSharp.Tests.Natives;

public class TorchSharpNativesTests
{
    [Fact]
    public void EnsureLoaded_ThenOnesSum_IsFour()
    {
        TorchSharpNatives.EnsureLoaded();
        using var sum = ones(2, 2).sum();
        Assert.Equal(4f, sum.item<float>());
    }

    [Fact]
    public void EnsureLoaded_CalledFromManyThreads_ReturnsOneResult()
    {
        var results = new TorchSharpNativesResult[8];
        Parallel.For(0, results.Length, i => results[i] = TorchSharpNatives.EnsureLoaded());
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public void EnsureLoaded_SystemLibStdCxx_PatchesExactlyWhenGlibcxx3432IsMissing()
    {
        var result = TorchSharpNatives.EnsureLoaded();
        var system = SystemLibStdCxx.Versions(SystemLibStdCxx.Locate()!);
        if (system.Contains("GLIBCXX_3.4.32"))
        {
            Assert.Equal(TorchSharpNativesAction.NotNeeded, result.Action);
        }
        else
        {
            Assert.Equal(TorchSharpNativesAction.Patched, result.Action);
            Assert.Equal(["GLIBCXX_3.4.32"], result.MissingVersions);
            // The patched copy is the library in use, not the unpatched one beside the app.
            Assert.Contains(result.Loaded!, File.ReadAllText("/proc/self/maps"));
        }
    }
}
