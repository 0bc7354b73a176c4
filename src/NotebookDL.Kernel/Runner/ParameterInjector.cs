using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Runner;

/// <summary>
/// Papermill's convention: parameters go into a new cell tagged "injected-parameters" right after the cell
/// tagged "parameters" (or first, when there is none). Each value takes the type the parameters cell declared
/// (so --param lr=1 stays a double when the cell says "var lr = 0.01;").
/// </summary>
public static class ParameterInjector
{
    public const string ParametersTag = "parameters";
    public const string InjectedTag = "injected-parameters";

    /// <summary>Parses "name=value" pairs; the value is everything after the first '='.</summary>
    public static IReadOnlyList<(string Name, string Value)> Parse(IEnumerable<string> pairs) =>
        pairs.Select(pair =>
        {
            int eq = pair.IndexOf('=');
            var name = eq > 0 ? pair[..eq].Trim() : throw new ArgumentException($"--param needs name=value, got '{pair}'");
            if (!SyntaxFacts.IsValidIdentifier(name)) throw new ArgumentException($"--param name '{name}' is not a C# identifier");
            return (name, pair[(eq + 1)..]);
        }).ToList();

    /// <summary>
    /// The notebook's quick-check sizes (metadata.notebookdl.ci_parameters, e.g. {"epochs": "2"}) with the
    /// explicitly given parameters taking precedence.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> WithCiParameters(JsonObject notebook, IReadOnlyList<(string Name, string Value)> explicitParameters)
    {
        var merged = new List<(string Name, string Value)>(explicitParameters);
        if (((notebook["metadata"] as JsonObject)?["notebookdl"] as JsonObject)?["ci_parameters"] is JsonObject ci)
            foreach (var (name, value) in ci)
                if (!merged.Any(p => p.Name == name))
                    merged.Add((name, value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? ""));
        return merged;
    }

    public static void Inject(JsonObject notebook, IReadOnlyList<(string Name, string Value)> parameters)
    {
        if (parameters.Count == 0) return;
        var cells = notebook["cells"] as JsonArray ?? [];
        notebook["cells"] = cells;
        // A re-run replaces what an earlier injection left.
        foreach (var old in cells.Where(c => NotebookJson.Tags(c).Contains(InjectedTag)).ToList()) cells.Remove(old);

        int index = cells.ToList().FindIndex(c => NotebookJson.Tags(c).Contains(ParametersTag));
        var declared = index >= 0 ? DeclaredTypes(NotebookJson.Text(cells[index]?["source"])) : [];
        // A misspelled name would otherwise be declared beside the real one and silently change nothing.
        if (parameters.FirstOrDefault(p => !declared.ContainsKey(p.Name)) is { Name: not null } unknown)
            throw new ArgumentException(index < 0
                ? $"--param {unknown.Name}: the notebook has no cell tagged '{ParametersTag}' to set it in"
                : $"--param {unknown.Name}: the parameters cell declares no such variable; it declares {string.Join(", ", declared.Keys)}");
        var code = "// Parameters\n" + string.Join("\n", parameters.Select(p =>
        {
            var type = declared[p.Name];
            return $"{type} {p.Name} = {ParameterLiteral.For(type, p.Value, p.Name)};";
        })) + "\n";
        cells.Insert(index + 1, new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = Guid.NewGuid().ToString("N")[..8],
            ["metadata"] = new JsonObject { ["tags"] = new JsonArray(InjectedTag) },
            ["outputs"] = new JsonArray(),
            ["source"] = NotebookJson.Lines(code),
        });

        var metadata = notebook["metadata"] as JsonObject ?? [];
        notebook["metadata"] = metadata;
        metadata["papermill"] = new JsonObject
        {
            ["parameters"] = new JsonObject(parameters.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Value))),
        };
    }

    /// <summary>The types of top-level variables the parameters cell declares ("var" resolved from its literal).</summary>
    public static Dictionary<string, string> DeclaredTypes(string source)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var root = CSharpSyntaxTree.ParseText(source, ScriptEnvironment.ParseOptions).GetRoot();
        foreach (var declaration in root.DescendantNodes().OfType<VariableDeclarationSyntax>())
        {
            foreach (var variable in declaration.Variables)
            {
                // "var" with a non-literal initializer has a type only the compiler knows; ParameterLiteral refuses it by name.
                types[variable.Identifier.Text] = declaration.Type.IsVar
                    ? LiteralType(variable.Initializer?.Value) ?? "var"
                    : declaration.Type.ToString();
            }
        }
        return types;
    }

    private static string? LiteralType(ExpressionSyntax? value) => value switch
    {
        ArrayCreationExpressionSyntax { Type: { RankSpecifiers: [{ Rank: 1 }] } array } => array.ElementType + "[]",
        ImplicitArrayCreationExpressionSyntax { Initializer.Expressions: [var first, ..] } => LiteralType(first) is { } element ? element + "[]" : null,
        PrefixUnaryExpressionSyntax { Operand: var operand } => LiteralType(operand),
        LiteralExpressionSyntax literal => literal.Token.Value switch
        {
            int => "int",
            long => "long",
            double => "double",
            float => "float",
            decimal => "decimal",
            bool => "bool",
            string => "string",
            _ => null,
        },
        _ => null,
    };
}
