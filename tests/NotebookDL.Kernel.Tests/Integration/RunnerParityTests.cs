using NotebookDL.Kernel.Install;

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

    /// <summary>
    /// The quick-start notebook (notebooks/00-quickstart.ipynb) runs to completion under nbconvert and notebookdl run,
    /// with the same outputs, on either engine: only the engine choice changes (the kernelspec, --engine).
    /// </summary>
    [RequiresPythonTheory("nbconvert")]
    [InlineData("managed")]
    [InlineData("torchsharp")]
    public async Task Quickstart_notebook_runs_the_same_under_nbconvert_and_notebookdl_run(string engine)
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "NotebookDL.sln"))) repository = repository.Parent;
        Assert.NotNull(repository);
        var notebook = Path.Combine(repository!.FullName, "notebooks", "00-quickstart.ipynb");
        var data = JupyterClients.CreateDataDirectory(engine);
        var nbconvertDir = Path.Combine(data, "nbconvert");
        var (exit, output) = JupyterClients.RunPython("-m", data, "nbconvert", "--to", "notebook", "--execute",
            $"--ExecutePreprocessor.kernel_name={KernelSpecInstaller.KernelNameFor(engine)}", "--output-dir", nbconvertDir, notebook);
        Assert.True(exit == 0, output);

        var runDir = Path.Combine(data, "run");
        var report = await NotebookDL.Kernel.Runner.NotebookRunner.RunAsync(notebook, new NotebookDL.Kernel.Runner.RunOptions(runDir, Engine: engine));
        Assert.True(report.Succeeded, report.Error?.EValue);

        (exit, output) = JupyterClients.RunPython("run_vs_nbconvert.py", data,
            Path.Combine(nbconvertDir, "00-quickstart.ipynb"), Path.Combine(runDir, "00-quickstart.ipynb"));
        Assert.True(exit == 0, output);
        Assert.Contains(engine == "managed" ? "NotebookDL's managed engine" : "TorchSharp 0.107", File.ReadAllText(Path.Combine(runDir, "00-quickstart.ipynb")));
    }
}
