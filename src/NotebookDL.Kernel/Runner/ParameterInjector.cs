using System.Globalization;
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

    public static void Inject(JsonObject notebook, IReadOnlyList<(string Name, string Value)> parameters)
    {
        if (parameters.Count == 0) return;
        var cells = notebook["cells"] as JsonArray ?? [];
        notebook["cells"] = cells;
        // A re-run replaces what an earlier injection left.
        foreach (var old in cells.Where(c => NotebookJson.Tags(c).Contains(InjectedTag)).ToList()) cells.Remove(old);

        int index = cells.ToList().FindIndex(c => NotebookJson.Tags(c).Contains(ParametersTag));
        var declared = index >= 0 ? DeclaredTypes(NotebookJson.Text(cells[index]?["source"])) : [];
        var code = "// Parameters\n" + string.Join("\n", parameters.Select(p =>
        {
            var type = declared.GetValueOrDefault(p.Name) ?? InferType(p.Value);
            return $"{type} {p.Name} = {Literal(type, p.Value, p.Name)};";
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
                var type = declaration.Type.IsVar ? LiteralType(variable.Initializer?.Value) : declaration.Type.ToString();
                if (type is not null) types[variable.Identifier.Text] = type;
            }
        }
        return types;
    }

    private static string? LiteralType(ExpressionSyntax? value) => value switch
    {
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

    private static string InferType(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? "int"
        : long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? "long"
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "double"
        : value is "true" or "false" ? "bool"
        : "string";

    /// <summary>The value as a C# literal of <paramref name="type"/>; other types take the value as a C# expression.</summary>
    private static string Literal(string type, string value, string name)
    {
        string Checked(bool ok, string literal) =>
            ok ? literal : throw new ArgumentException($"--param {name}={value}: not a valid {type}");
        return type switch
        {
            "string" => SymbolDisplay.FormatLiteral(value, quote: true),
            "bool" => Checked(bool.TryParse(value, out var b), b ? "true" : "false"),
            "int" or "long" or "short" or "byte" => Checked(long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _), value),
            "double" => Checked(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d), d.ToString("R", CultureInfo.InvariantCulture)),
            "float" => Checked(float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f), f.ToString("R", CultureInfo.InvariantCulture) + "f"),
            "decimal" => Checked(decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _), value + "m"),
            _ => value,
        };
    }
}
