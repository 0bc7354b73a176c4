using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Tests.Integration;

/// <summary>The kernel against real Jupyter clients (each test starts its own kernel process).</summary>
[Collection("jupyter")]
public class JupyterClientTests
{
    [RequiresPythonFact("jupyter_kernel_test")]
    public void Jupyter_kernel_test_suite_passes()
    {
        var data = JupyterClients.CreateDataDirectory();
        var (exit, output) = JupyterClients.RunPython("-m", data, "unittest", "-v", "test_notebookdl_kernel");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("skipped", output.Split('\n').Where(l => l.StartsWith("test_", StringComparison.Ordinal)).Select(l => l.ToLowerInvariant()));
    }

    [RequiresPythonFact("jupyter_client")]
    public void A_message_signed_with_a_wrong_key_gets_no_reply_and_runs_nothing()
    {
        var (exit, output) = JupyterClients.RunPython("wrong_key.py", JupyterClients.CreateDataDirectory());
        Assert.True(exit == 0, output);
        Assert.Contains("OK: forged message dropped", output);
    }

    [RequiresPythonFact("jupyter_client")]
    public void Interrupt_stops_an_infinite_loop_within_a_second_and_keeps_variables()
    {
        var (exit, output) = JupyterClients.RunPython("interrupt.py", JupyterClients.CreateDataDirectory());
        Assert.True(exit == 0, output);
    }

    [RequiresPythonFact("jupyter_client")]
    public void ReadLine_asks_the_frontend_and_restart_gives_a_fresh_kernel()
    {
        var (exit, output) = JupyterClients.RunPython("lifecycle.py", JupyterClients.CreateDataDirectory());
        Assert.True(exit == 0, output);
    }

    [RequiresPythonFact("nbconvert")]
    public void Nbconvert_executes_a_notebook()
    {
        var data = JupyterClients.CreateDataDirectory();
        var outDir = Path.Combine(data, "out");
        var (exit, output) = JupyterClients.RunPython("-m", data, "nbconvert", "--to", "notebook", "--execute",
            "--ExecutePreprocessor.kernel_name=notebookdl-csharp", "--ExecutePreprocessor.timeout=120",
            "--output-dir", outDir, "smoke.ipynb");
        Assert.True(exit == 0, output);

        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "smoke.ipynb")))!;
        var cells = notebook["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToList();
        var outputs = cells[1]!["outputs"]!.AsArray();
        Assert.Contains(outputs, o => o!["output_type"]!.GetValue<string>() == "stream" && o["text"]!.ToJsonString().Contains("epochs = 2"));
        Assert.Contains(outputs, o => o!["output_type"]!.GetValue<string>() == "execute_result" && o["data"]!["text/plain"]!.ToJsonString().Contains('6'));
        Assert.Equal(3, cells[3]!["execution_count"]!.GetValue<int>() - 1);
    }
}
