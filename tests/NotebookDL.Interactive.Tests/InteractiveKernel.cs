using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookDL.Interactive.Tests;

/// <summary>
/// A .NET Interactive session as dotnet-interactive builds one (a composite kernel around a C# kernel), with NotebookDL
/// referenced and the extension loaded. One per test class: formatters and the display host are process-wide.
/// </summary>
public sealed class InteractiveKernel : IDisposable
{
    public CompositeKernel Kernel { get; }

    public CSharpKernel CSharp { get; }

    public InteractiveKernel()
    {
        var csharp = CSharp = new CSharpKernel();
        csharp.AddAssemblyReferences([typeof(torch).Assembly.Location, typeof(NotebookDL.Display.Notebook).Assembly.Location]);
        Kernel = new CompositeKernel { csharp };
        Kernel.DefaultKernelName = csharp.Name;
        new NotebookDLKernelExtension().OnLoadAsync(Kernel).GetAwaiter().GetResult();
        Run("using NotebookDL; using NotebookDL.Display; using NotebookDL.Training; using static NotebookDL.torch; using static NotebookDL.Display.Notebook;").GetAwaiter().GetResult();
    }

    /// <summary>Runs one cell and returns its events; a failed cell fails the test with the host's message.</summary>
    public async Task<IReadOnlyList<KernelEvent>> Run(string code)
    {
        var result = await Kernel.SubmitCodeAsync(code);
        if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
            throw new InvalidOperationException($"cell failed: {failed.Message}\n--- cell ---\n{code}");
        return result.Events;
    }

    /// <summary>Runs a cell that should fail and returns the host's failure message.</summary>
    public async Task<string> Fail(string code)
    {
        var result = await Kernel.SubmitCodeAsync(code);
        return Assert.Single(result.Events.OfType<CommandFailed>()).Message;
    }

    public static string Formatted(DisplayEvent e, string mimeType) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == mimeType)?.Value
        ?? throw new InvalidOperationException($"no {mimeType} among {string.Join(", ", e.FormattedValues.Select(v => v.MimeType))}");

    public void Dispose() => Kernel.Dispose();
}
