namespace NotebookDL.Display;

/// <summary>
/// One output area that can be redrawn in place: what display() returns. It keeps the host it was
/// shown on, so later updates reach the same output even if the registered host changes.
/// </summary>
public sealed class DisplayHandle
{
    private readonly IDisplayHost host;

    internal DisplayHandle(IDisplayHost host, string displayId)
    {
        this.host = host;
        DisplayId = displayId;
    }

    public string DisplayId { get; }

    /// <summary>
    /// Shows <paramref name="value"/> in place of what this display showed before. Updates often come from other
    /// threads (a training callback, a timer), where an exception would end the process, so a value whose display
    /// throws is shown as a line saying so instead.
    /// </summary>
    public void Update(object? value) => host.Update(DisplayId, SafeBundle(value));

    internal static MimeBundle SafeBundle(object? value)
    {
        try
        {
            return Formatter.ToMimeBundle(value);
        }
        catch (Exception ex)
        {
            return new MimeBundle($"({value?.GetType().Name} could not be displayed: {ex.GetType().Name}: {ex.Message})");
        }
    }

    public void Clear() => host.Clear(DisplayId);

    public override string ToString() => $"DisplayHandle({DisplayId})";
}
