namespace NotebookDL.Display;

/// <summary>
/// The host outside notebooks: a console cannot redraw earlier output, so an update prints the new
/// text again and clearing prints nothing.
/// </summary>
public sealed class ConsoleDisplayHost(TextWriter? output = null) : IDisplayHost
{
    private TextWriter Output => output ?? Console.Out;

    public void Display(string displayId, MimeBundle bundle) => Output.WriteLine(bundle.Text);

    public void Update(string displayId, MimeBundle bundle) => Output.WriteLine(bundle.Text);

    public void Clear(string displayId) { }
}
