using NotebookDL.Display.Tests;

namespace NotebookDL.Kernel.Tests.Integration.Browser;

/// <summary>A test that drives the classic Notebook UI in headless Chromium; skipped, saying what to install, when either is missing.</summary>
public sealed class ClassicNotebookFactAttribute : FactAttribute
{
    public ClassicNotebookFactAttribute()
    {
        if (Chromium.Path is null) Skip = Chromium.MissingMessage;
        else if (JupyterClients.MissingReason(ClassicNotebookServer.Module) is { } reason) Skip = "classic Notebook front-end test skipped: " + reason;
    }
}
