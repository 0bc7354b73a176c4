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

    /// <summary>Shows <paramref name="value"/> in place of what this display showed before.</summary>
    public void Update(object? value) => host.Update(DisplayId, Formatter.ToMimeBundle(value));

    public void Clear() => host.Clear(DisplayId);

    public override string ToString() => $"DisplayHandle({DisplayId})";
}
