using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Magics;

namespace NotebookDL.Kernel.Language;

/// <summary>
/// inspect_request (Shift+Tab): the symbol at the cursor as a signature, its XML doc summary, and for
/// notebook variables the current value.
/// </summary>
public sealed class CodeInspection(ScriptSession session)
{
    public async Task<JsonObject> InspectAsync(string cell, int cursorCodePoints, int detailLevel)
    {
        var code = MagicParser.Split(cell).Code;
        int cursor = TextPositions.ToUtf16(code, cursorCodePoints);
        var (compilation, tree) = await session.CompileAsNextCellAsync(code).ConfigureAwait(false);
        var model = compilation.GetSemanticModel(tree);

        var symbol = SymbolAt(model, tree, cursor) ?? SymbolAt(model, tree, cursor - 1);
        if (symbol is null) return Reply(found: false, "");

        var text = new StringBuilder(Signature(symbol));
        var summary = Summary(symbol, detailLevel > 0);
        if (summary.Length > 0) text.Append("\n\n").Append(summary);
        var value = session.Variables.LastOrDefault(v => v.Name == symbol.Name && symbol is IFieldSymbol { ContainingType.IsScriptClass: true });
        if (value is not null) text.Append("\n\nValue: ").Append(ValueFormatter.Preview(value.Value, 400));
        return Reply(found: true, text.ToString());
    }

    private static ISymbol? SymbolAt(SemanticModel model, SyntaxTree tree, int position)
    {
        if (position < 0) return null;
        var token = tree.GetRoot().FindToken(position);
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            var info = model.GetSymbolInfo(node);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
            if (symbol is not null) return symbol;
            if (node is StatementSyntax or MemberDeclarationSyntax) break;
        }
        return null;
    }

    /// <summary>
    /// Roslyn's error-message format with types named as a cell writes them (torch.nn, not NotebookDL.torch.nn) and
    /// with parameter names and default values: "torch.nn.Linear(long inputSize, long outputSize, bool hasBias = true, …)"
    /// says which bool is which, where the plain format showed "Linear(long, long, bool, …)".
    /// </summary>
    private static readonly SymbolDisplayFormat SignatureFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeExplicitInterface,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue
            | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeExtensionThis,
        propertyStyle: SymbolDisplayPropertyStyle.NameOnly,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes
            | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static string Signature(ISymbol symbol)
    {
        var signature = symbol.ToDisplayString(SignatureFormat);
        return symbol switch
        {
            IFieldSymbol { ContainingType.IsScriptClass: true } field => $"{field.Type.ToDisplayString(SignatureFormat)} {field.Name}",
            ILocalSymbol local => $"{local.Type.ToDisplayString(SignatureFormat)} {local.Name}",
            IMethodSymbol method => $"{method.ReturnType.ToDisplayString(SignatureFormat)} {signature}",
            IPropertySymbol property => $"{property.Type.ToDisplayString(SignatureFormat)} {signature}",
            INamedTypeSymbol type => $"{type.TypeKind.ToString().ToLowerInvariant()} {signature}",
            _ => signature,
        };
    }

    /// <summary>The summary (and with detail, parameters and returns) as plain text.</summary>
    private static string Summary(ISymbol symbol, bool detail)
    {
        var xml = symbol.GetDocumentationCommentXml(expandIncludes: true);
        if (string.IsNullOrWhiteSpace(xml) && symbol is IMethodSymbol { ReducedFrom: { } original }) xml = original.GetDocumentationCommentXml();
        if (string.IsNullOrWhiteSpace(xml)) return "";
        try
        {
            var doc = XElement.Parse(xml);
            var text = new StringBuilder(Plain(doc.Element("summary")));
            if (detail)
            {
                foreach (var param in doc.Elements("param"))
                    text.Append($"\n  {param.Attribute("name")?.Value}: {Plain(param)}");
                if (doc.Element("returns") is { } returns) text.Append($"\nReturns: {Plain(returns)}");
            }
            return text.ToString().Trim();
        }
        catch (System.Xml.XmlException)
        {
            return "";
        }
    }

    /// <summary>Doc XML to text: &lt;see cref="T:System.String"/&gt; becomes "String", whitespace collapses.</summary>
    private static string Plain(XElement? element)
    {
        if (element is null) return "";
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" or "seealso" } see => (see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? see.Value).Split(':').Last().Split('.').Last(),
                XElement { Name.LocalName: "paramref" or "typeparamref" } r => r.Attribute("name")?.Value ?? "",
                XElement e => Plain(e),
                _ => "",
            });
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static JsonObject Reply(bool found, string text) => new()
    {
        ["status"] = "ok",
        ["found"] = found,
        ["data"] = found ? new JsonObject { ["text/plain"] = text } : new JsonObject(),
        ["metadata"] = new JsonObject(),
    };
}
