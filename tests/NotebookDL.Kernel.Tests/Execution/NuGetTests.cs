using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Tests.Execution;

public class NuGetDirectiveTests
{
    [Fact]
    public void Nuget_references_are_extracted_and_blanked()
    {
        const string code = "#r \"nuget: Newtonsoft.Json, 13.0.3\"\n#r \"nuget:Humanizer\"\n#r \"local.dll\"\nvar x = 1;";

        var (packages, rest) = NuGetDirectives.Extract(code);

        Assert.Equal([new PackageRequest("Newtonsoft.Json", "13.0.3"), new PackageRequest("Humanizer", null)], packages);
        Assert.Equal(code.Length, rest.Length);
        Assert.Equal(4, rest.Split('\n').Length);
        Assert.Contains("#r \"local.dll\"", rest);
        Assert.DoesNotContain("nuget", rest);
    }
}

[Collection("cells")]
public class NuGetRestoreTests
{
    [Fact]
    public async Task A_package_from_the_local_cache_is_restored_and_usable()
    {
        // xunit.assert is in the machine's package cache (this test project uses it), so no network is needed.
        var interpreter = new Interpreter();
        var output = new RecordingOutput();

        var result = await interpreter.ExecuteAsync("#r \"nuget: xunit.assert, 2.9.3\"\nXunit.Assert.Equal(2, 1 + 1);\n\"ok\"", "In[1]", output);

        Assert.True(result.Error is null, result.Error?.EValue);
        Assert.Equal("ok", result.Value?["text/plain"]?.GetValue<string>());
        Assert.Contains("Installed package xunit.assert version 2.9.3", output.Stdout);
    }

    [Fact]
    public async Task A_bad_package_reference_is_one_clear_error()
    {
        var interpreter = new Interpreter();
        var result = await interpreter.ExecuteAsync("#r \"nuget: Some.Package, not-a-version\"", "In[1]", new RecordingOutput());
        Assert.Equal("NuGetRestoreError", result.Error?.EName);
        Assert.Contains("Some.Package", result.Error!.EValue);
    }
}
