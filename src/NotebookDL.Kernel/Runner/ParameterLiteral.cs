using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;

namespace NotebookDL.Kernel.Runner;

/// <summary>
/// Turns a --param value into a C# literal of the type the parameters cell declared. A value is never pasted in as
/// code: it either parses as that type or is refused, so `--param path=x");File.Delete(...` stays a string.
/// Arrays (<c>int[]</c>, <c>string[]</c>, …) take a JSON array (<c>[1, 2]</c>, <c>["a", "b,c"]</c>) or a comma list
/// (<c>1,2</c>; items trimmed; empty means no items); a JSON array keeps strings exactly as written.
/// </summary>
public static class ParameterLiteral
{
    /// <summary>The types a declared parameter may have (each also as T?, T[] and T[]?, and under its System.* name).</summary>
    public const string SupportedTypes = "string, bool, int, long, short, byte, double, float, decimal, their nullable forms (int?) and one-dimensional arrays of them (int[], string[])";

    public static string For(string type, string value, string name)
    {
        var declared = type.Replace(" ", "", StringComparison.Ordinal);
        if (declared.EndsWith("[]", StringComparison.Ordinal) || declared.EndsWith("[]?", StringComparison.Ordinal))
            return ArrayLiteral(declared, value, name);
        return Scalar(declared, value, name, value);
    }

    private static string ArrayLiteral(string type, string value, string name)
    {
        if (type.EndsWith('?') && value.Trim() == "null") return "null";
        var element = type.TrimEnd('?')[..^2];
        if (element.Contains('[', StringComparison.Ordinal) || element.Contains(',', StringComparison.Ordinal))
            throw Unsupported(name, type);
        var items = Items(value, name, type);
        var literals = items.Select(item => Scalar(element, item, name, value)).ToList();
        return literals.Count == 0 ? $"new {element}[0]" : $"new {element}[] {{ {string.Join(", ", literals)} }}";
    }

    /// <summary>A JSON array's items (strings unquoted, null as "null") or a comma list's trimmed items.</summary>
    private static List<string> Items(string value, string name, string type)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return [];
        if (!trimmed.StartsWith('[')) return trimmed.Split(',').Select(item => item.Trim()).ToList();
        try
        {
            var array = JsonNode.Parse(trimmed) as JsonArray ?? throw new JsonException("not an array");
            return array.Select(item => item switch
            {
                null => "null",
                JsonValue v when v.TryGetValue<string>(out var text) => text,
                JsonValue v => v.ToJsonString(),
                _ => throw new ArgumentException($"--param {name}={value}: a {type} item cannot be a nested {item.GetValueKind()}"),
            }).ToList();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"--param {name}={value}: not a valid {type}; give a JSON array such as [1, 2] or a comma list such as 1,2 ({ex.Message})", ex);
        }
    }

    /// <param name="whole">The whole --param value, for the error message when one array item is bad.</param>
    private static string Scalar(string type, string value, string name, string whole)
    {
        string Checked(bool ok, string literal) =>
            ok ? literal : throw new ArgumentException($"--param {name}={whole}: '{value}' is not a valid {type}");
        var nullable = type.EndsWith('?');
        if (nullable && value == "null") return "null";
        const NumberStyles integer = NumberStyles.Integer;
        const NumberStyles real = NumberStyles.Float;
        var invariant = CultureInfo.InvariantCulture;
        return CanonicalType(type.TrimEnd('?')) switch
        {
            "string" => SymbolDisplay.FormatLiteral(value, quote: true),
            "bool" => Checked(bool.TryParse(value, out var b), b ? "true" : "false"),
            "int" => Checked(int.TryParse(value, integer, invariant, out var i), i.ToString(invariant)),
            "long" => Checked(long.TryParse(value, integer, invariant, out var l), l.ToString(invariant) + "L"),
            "short" => Checked(short.TryParse(value, integer, invariant, out var h), h.ToString(invariant)),
            "byte" => Checked(byte.TryParse(value, integer, invariant, out var y), y.ToString(invariant)),
            // "R" round-trips; infinities and NaN have no literal, so they are written as the type's constants.
            "double" => Checked(double.TryParse(value, real, invariant, out var d), Real(d, "double", "")),
            "float" => Checked(float.TryParse(value, real, invariant, out var f), Real(f, "float", "f")),
            "decimal" => Checked(decimal.TryParse(value, real, invariant, out var m), m.ToString(invariant) + "m"),
            _ => throw Unsupported(name, type),
        };
    }

    private static string Real(double value, string type, string suffix) =>
        double.IsNaN(value) ? $"{type}.NaN"
        : double.IsPositiveInfinity(value) ? $"{type}.PositiveInfinity"
        : double.IsNegativeInfinity(value) ? $"{type}.NegativeInfinity"
        : (suffix == "f" ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture)) + suffix;

    private static ArgumentException Unsupported(string name, string type) =>
        new($"--param {name}: the parameters cell declares it as '{type}', which has no literal form; the supported types are {SupportedTypes}. " +
            "Declare it with one of them (for example int epochs = 10;) and build other values from it in a later cell.");

    private static string CanonicalType(string type) => (type.StartsWith("global::", StringComparison.Ordinal) ? type[8..] : type) switch
    {
        "String" or "System.String" => "string",
        "Boolean" or "System.Boolean" => "bool",
        "Int32" or "System.Int32" => "int",
        "Int64" or "System.Int64" => "long",
        "Int16" or "System.Int16" => "short",
        "Byte" or "System.Byte" => "byte",
        "Double" or "System.Double" => "double",
        "Single" or "System.Single" => "float",
        "Decimal" or "System.Decimal" => "decimal",
        var other => other,
    };
}
