using System.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using NotebookDL.Kernel.Execution;
namespace NotebookDL.Kernel.Tests.Execution;
[Collection("cells")]
public class TmpPerf
{
    [Fact]
    public async Task Measure()
    {
        var lines = new List<string>();
        var interp = new Interpreter();
        var o = new RecordingOutput();
        await interp.ExecuteAsync("1+1", "In[1]", o);
        for (int i = 0; i < 5; i++) await interp.ExecuteAsync("1+1", "In[1]", o);
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < 20; i++) await interp.ExecuteAsync("1+1", "In[1]", o);
        lines.Add($"interp: {sw.Elapsed.TotalMilliseconds / 20:0.0} ms");
        // pieces
        var opts = interp.Session.Options;
        var state = await CSharpScript.RunAsync("", opts);
        sw.Restart();
        for (int i = 0; i < 20; i++) { var s = state.Script.ContinueWith("1+1", opts); s.Compile(); }
        lines.Add($"compile: {sw.Elapsed.TotalMilliseconds / 20:0.0} ms");
        sw.Restart();
        for (int i = 0; i < 20; i++) { var s = state.Script.ContinueWith("1+1", opts); s.Compile(); await s.RunFromAsync(state); }
        lines.Add($"compile+run: {sw.Elapsed.TotalMilliseconds / 20:0.0} ms");
        var noDebug = opts.WithEmitDebugInformation(false);
        sw.Restart();
        for (int i = 0; i < 20; i++) { var s = state.Script.ContinueWith("1+1", noDebug); await s.RunFromAsync(state); }
        lines.Add($"run nodebug: {sw.Elapsed.TotalMilliseconds / 20:0.0} ms");
        sw.Restart();
        for (int i = 0; i < 20; i++) { var s = state.Script.ContinueWith("1+1", opts); await s.RunFromAsync(state); }
        lines.Add($"run only: {sw.Elapsed.TotalMilliseconds / 20:0.0} ms");
        sw.Restart();
        for (int i = 0; i < 20; i++) ValueFormatter.ToBundle(2);
        lines.Add($"format: {sw.Elapsed.TotalMilliseconds / 20:0.00} ms");
        async Task Variant(string label, Microsoft.CodeAnalysis.Scripting.ScriptOptions o2)
        {
            var st = await CSharpScript.RunAsync("", o2);
            for (int i = 0; i < 5; i++) { var s = st.Script.ContinueWith("1+1", o2); await s.RunFromAsync(st); }
            sw.Restart();
            for (int i = 0; i < 20; i++) { var s = st.Script.ContinueWith("1+1", o2); await s.RunFromAsync(st); }
            lines.Add($"{label}: {sw.Elapsed.TotalMilliseconds / 20:0.0} ms");
        }
        await Variant("noimports", opts.WithImports());
        await Variant("defaultrefs", Microsoft.CodeAnalysis.Scripting.ScriptOptions.Default.AddReferences(typeof(NotebookDL.torch).Assembly, typeof(NotebookDL.Display.Notebook).Assembly, typeof(CellCancellation).Assembly).WithImports(opts.Imports));
        await Variant("defaultrefs-noimports", Microsoft.CodeAnalysis.Scripting.ScriptOptions.Default.AddReferences(typeof(NotebookDL.torch).Assembly));
        await Variant("ours-nodebug-noimports", opts.WithImports().WithEmitDebugInformation(false));
        // chained state: does a long chain slow things down?
        var st2 = await CSharpScript.RunAsync("", opts);
        for (int i = 0; i < 100; i++) st2 = await st2.ContinueWithAsync($"var v{i} = {i};", opts);
        sw.Restart();
        for (int i = 0; i < 20; i++) { var s = st2.Script.ContinueWith("1+1", opts); await s.RunFromAsync(st2); }
        lines.Add($"after100cells: {sw.Elapsed.TotalMilliseconds / 20:0.0} ms");
        File.WriteAllLines("/tmp/perf.txt", lines);
    }
}
