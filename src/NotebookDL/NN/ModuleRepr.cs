using System.Globalization;
using System.Text;

namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public partial class Module
        {
            /// <summary>The configuration shown between the parentheses, e.g. "in_features=784, out_features=512, bias=True".</summary>
            public virtual string extra_repr() => "";

            /// <summary>The module tree in the layout of PyTorch's print(model), so notebook output matches the book.</summary>
            public override string ToString()
            {
                var extra = extra_repr();
                if (!named_children().Any()) return $"{GetName()}({extra})";
                var lines = new List<string>();
                if (extra.Length > 0) lines.AddRange(extra.Split('\n'));
                foreach (var (childName, child) in named_children())
                    lines.Add($"({childName}): {Indent(child.ToString())}");
                var text = new StringBuilder(GetName()).Append("(\n");
                foreach (var line in lines) text.Append("  ").Append(line).Append('\n');
                return text.Append(')').ToString();
            }

            private static string Indent(string text) => text.Replace("\n", "\n  ");

            /// <summary>A double as Python's repr writes it (1e-05, 0.1, 1.0), for extra_repr strings.</summary>
            internal static string PyRepr(double value)
            {
                var s = value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
                return s.Contains('.') || s.Contains('e') || s.Contains("Infinity") || s.Contains("NaN") ? s : s + ".0";
            }

            internal static string PyRepr(bool value) => value ? "True" : "False";

            /// <summary>A size tuple as Python prints it: (3, 3).</summary>
            internal static string PyRepr(long[] values) => values.Length == 1 ? $"({values[0]},)" : $"({string.Join(", ", values)})";
        }
    }
}
