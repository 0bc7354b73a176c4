namespace NotebookDL.Kernel.Tests.Integration;

/// <summary>In the "cells" collection because the in-process runner redirects the console.</summary>
[Collection("cells")]
public class RunnerParityTests
{
    [RequiresPythonFact("nbconvert")]
    public async Task Notebookdl_run_writes_the_same_outputs_as_nbconvert()
    {
        var data = JupyterClients.CreateDataDirectory();
        var nbconvertDir = Path.Combine(data, "nbconvert");
        var (exit, output) = JupyterClients.RunPython("-m", data, "nbconvert", "--to", "notebook", "--execute",
            "--ExecutePreprocessor.kernel_name=notebookdl-csharp", "--output-dir", nbconvertDir, "smoke.ipynb");
        Assert.True(exit == 0, output);

        var runDir = Path.Combine(data, "run");
        var report = await NotebookDL.Kernel.Runner.NotebookRunner.RunAsync(
            Path.Combine(AppContext.BaseDirectory, "Integration", "smoke.ipynb"), new NotebookDL.Kernel.Runner.RunOptions(runDir));
        Assert.True(report.Succeeded, report.Error?.EValue);

        (exit, output) = JupyterClients.RunPython("run_vs_nbconvert.py", data,
            Path.Combine(nbconvertDir, "smoke.ipynb"), Path.Combine(runDir, "smoke.ipynb"));
        Assert.True(exit == 0, output);
    }
}
