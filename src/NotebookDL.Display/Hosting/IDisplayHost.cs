namespace NotebookDL.Display;

/// <summary>
/// Where displays go. A Jupyter kernel implements it with display_data / update_display_data messages
/// carrying the display id; the default console host prints text/plain.
/// </summary>
public interface IDisplayHost
{
    void Display(string displayId, MimeBundle bundle);

    /// <summary>Replaces what an earlier Display with the same id shows, in place.</summary>
    void Update(string displayId, MimeBundle bundle);

    /// <summary>Removes what the display shows (a kernel may send an empty update).</summary>
    void Clear(string displayId);
}
