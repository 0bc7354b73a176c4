namespace NotebookDL.Display;

/// <summary>
/// Lets Polyglot Notebooks (.NET Interactive) render our displays without us referencing it: its
/// Formatter looks for an attribute with exactly this name, reads FormatterSourceType and
/// PreferredMimeTypes by reflection, creates the source and calls CreateTypeFormatters().
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The renderings .NET Interactive should send, richest first (it sends each, the front end picks).</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
