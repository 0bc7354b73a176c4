namespace NotebookDL.Display;

/// <summary>
/// Shaped like .NET Interactive's ITypeFormatter, which it calls through reflection: MimeType, Type and a
/// single public Format(object, TextWriter) (it looks the method up by name, so there must be no overload).
/// </summary>
public sealed class MimeTypeFormatter(string mimeType, Type type)
{
    public string MimeType { get; } = mimeType;

    public Type Type { get; } = type;

    /// <summary>Writes this MIME type's rendering; false when the value has none, so the host falls back to another formatter.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is null || !Type.IsInstanceOfType(instance)) return false;
        if (!Formatter.ToMimeBundle(instance).TryGetValue(MimeType, out var content)) return false;
        writer.Write(content);
        return true;
    }
}
