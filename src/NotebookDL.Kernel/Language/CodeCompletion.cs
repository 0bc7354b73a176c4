using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Magics;

namespace NotebookDL.Kernel.Language;

/// <summary>
/// complete_request through Roslyn's semantic model: the code is compiled as the next cell (so earlier cells'
/// variables are in scope); after a "." the members of the expression's type (or a type's static members,
/// or a namespace's contents) are offered, otherwise every symbol in scope plus keywords.
/// </summary>
public sealed class CodeCompletion(ScriptSession session)
{
    private static readonly string[] Keywords =
    [
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false",
        "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is",
        "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "record", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using",
        "var", "virtual", "void", "volatile", "while", "yield",
    ];

    public async Task<JsonObject> CompleteAsync(string cell, int cursorCodePoints)
    {
        var code = MagicParser.Split(cell).Code;
        int cursor = TextPositions.ToUtf16(code, cursorCodePoints);
        int start = TextPositions.IdentifierStart(code, cursor);
        var prefix = code[start..cursor].TrimStart('@');

        var (compilation, tree) = await session.CompileAsNextCellAsync(code).ConfigureAwait(false);
        var model = compilation.GetSemanticModel(tree);
        var (symbols, afterDot) = Candidates(model, tree, code, start);

        var matches = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Where(s => prefix.Length > 0 || !IsObjectMember(s))
            .GroupBy(s => s.Name)
            .Select(g => (Name: g.Key, Kind: Kind(g.First())))
            .ToList();
        if (!afterDot) matches.AddRange(Keywords.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && matches.All(m => m.Name != k)).Select(k => (k, "keyword")));
        matches.Sort((a, b) => Rank(a.Name, prefix).CompareTo(Rank(b.Name, prefix)) is var r and not 0 ? r : string.CompareOrdinal(a.Name, b.Name));

        int startCodePoints = TextPositions.ToCodePoints(code, start);
        var types = new JsonArray([.. matches.Select(m => (JsonNode)new JsonObject
        {
            ["start"] = startCodePoints, ["end"] = cursorCodePoints, ["text"] = m.Name, ["type"] = m.Kind,
        })]);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray([.. matches.Select(m => (JsonNode)JsonValue.Create(m.Name))]),
            ["cursor_start"] = startCodePoints,
            ["cursor_end"] = cursorCodePoints,
            ["metadata"] = new JsonObject { ["_jupyter_types_experimental"] = types },
        };
    }

    private static (IEnumerable<ISymbol> Symbols, bool AfterDot) Candidates(SemanticModel model, SyntaxTree tree, string code, int start)
    {
        int dot = start - 1;
        while (dot >= 0 && char.IsWhiteSpace(code[dot])) dot--;
        if (dot < 0 || code[dot] != '.') return (model.LookupSymbols(start), false);

        var token = tree.GetRoot().FindToken(dot);
        var left = token.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            _ => null,
        };
        if (left is null) return ([], true);

        var symbol = model.GetSymbolInfo(left).Symbol;
        if (symbol is INamespaceSymbol ns) return (model.LookupNamespacesAndTypes(start, ns), true);
        if (symbol is ITypeSymbol typeName) return (model.LookupStaticMembers(start, typeName), true);
        var type = model.GetTypeInfo(left).Type;
        if (type is null || type.TypeKind == TypeKind.Error) return ([], true);
        return (model.LookupSymbols(start, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension }), true);
    }

    /// <summary>
    /// Equals, GetHashCode, GetType, ToString, MemberwiseClone and ReferenceEquals, declared or overridden: every type
    /// has them, so they crowd out what a student is looking for after "model." until a letter of one is typed.
    /// </summary>
    private static bool IsObjectMember(ISymbol symbol)
    {
        for (var method = symbol as IMethodSymbol; method is not null; method = method.OverriddenMethod)
            if (method.ContainingType?.SpecialType == SpecialType.System_Object) return true;
        return false;
    }

    /// <summary>Exact-case prefix matches first, then case-insensitive ones.</summary>
    private static int Rank(string name, string prefix) => name.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1;

    private static string Kind(ISymbol symbol) => symbol switch
    {
        IMethodSymbol => "method",
        IPropertySymbol => "property",
        IFieldSymbol { ContainingType.TypeKind: TypeKind.Submission } or ILocalSymbol => "instance",
        IFieldSymbol => "field",
        INamespaceSymbol => "module",
        ITypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } => "class",
        ITypeSymbol => "type",
        IEventSymbol => "event",
        IParameterSymbol => "param",
        _ => "text",
    };
}
