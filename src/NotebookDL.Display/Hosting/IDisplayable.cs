namespace NotebookDL.Display;

/// <summary>Anything that can render itself for a notebook: every display record implements it.</summary>
public interface IDisplayable
{
    MimeBundle ToMimeBundle();
}
