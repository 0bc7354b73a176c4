using System.Globalization;
using System.Xml;
using Microsoft.CodeAnalysis;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// Supplies XML doc comments from an assembly's .xml file to Roslyn (inspect shows the summary). The file is
/// read on first use only, so referencing a hundred framework assemblies costs nothing until someone asks.
/// </summary>
public sealed class XmlDocumentation(string path) : DocumentationProvider
{
    private readonly Lazy<Dictionary<string, string>> members = new(() => Load(path));

    public static XmlDocumentation? ForAssembly(string assemblyPath)
    {
        var xml = Path.ChangeExtension(assemblyPath, ".xml");
        return File.Exists(xml) ? new XmlDocumentation(xml) : null;
    }

    protected override string GetDocumentationForSymbol(string documentationMemberID, CultureInfo preferredCulture,
        CancellationToken cancellationToken = default) =>
        members.Value.TryGetValue(documentationMemberID, out var xml) ? xml : "";

    private static Dictionary<string, string> Load(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            while (reader.ReadToFollowing("member"))
            {
                var name = reader.GetAttribute("name");
                var xml = reader.ReadOuterXml();
                if (name is not null) result[name] = xml;
            }
        }
        catch (XmlException)
        {
            // A damaged doc file only costs us tooltips.
        }
        return result;
    }

    public override bool Equals(object? obj) => obj is XmlDocumentation other && other.FilePath == FilePath;

    public override int GetHashCode() => FilePath.GetHashCode(StringComparison.Ordinal);

    private string FilePath => path;
}
