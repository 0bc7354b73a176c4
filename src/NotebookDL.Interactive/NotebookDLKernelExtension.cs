using Microsoft.DotNet.Interactive;
using NotebookDL.Display;
using NotebookDL.Interactive.Directives;

namespace NotebookDL.Interactive;

/// <summary>
/// What .NET Interactive loads from the NotebookDL.Display package's interactive-extensions/dotnet folder after
/// #r "nuget: NotebookDL.Display": NotebookDL's displays as formatters, display(...) and its handles routed to the
/// notebook, and the magics as directives (#!seed, #!threads, #!about, #!summary, #!plot-history).
/// </summary>
public sealed class NotebookDLKernelExtension : IKernelExtension
{
    public Task OnLoadAsync(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        InteractiveFormatters.Register();
        DisplayHost.Register(new InteractiveDisplayHost());
        var csharp = kernel.FindKernelByName("csharp") ?? kernel;
        NotebookDirectives.AddTo(csharp);
        return Task.CompletedTask;
    }
}
