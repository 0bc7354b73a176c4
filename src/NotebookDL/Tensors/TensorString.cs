using System.Globalization;

namespace NotebookDL;

public static partial class torch
{
    public partial class Tensor
    {
        private const int SummarizeThreshold = 1000;
        private const int EdgeItems = 3;
        private const int LineWidth = 80;

        /// <summary>PyTorch's repr: tensor([[1.0000, 2.0000], ...], requires_grad=True) with the same number formats.</summary>
        public override string ToString() => str();

        public string str()
        {
            const string prefix = "tensor(";
            var suffixes = new List<string>();
            string body;
            if (Count == 0)
            {
                // PyTorch spells out what an empty tensor cannot show: a shape other than (0,) and a non-default dtype.
                if (Shape.Length != 1) suffixes.Add($"size=({string.Join(", ", Shape)})");
                if (dtype != ScalarType.Float32) suffixes.Add($"dtype={TypeName(dtype)}");
                body = "[]";
            }
            else
            {
                var summarize = Count > SummarizeThreshold;
                // The number format comes from the values that are shown, as PyTorch's get_summarized_data.
                var shown = summarize ? Summarized(0, Shape) : Enumerable.Range(0, Count).Select(i => (long)i);
                body = Render(prefix.Length, summarize, new ValueFormatter(contiguous(), shown), 0, Shape);
            }
            if (grad_fn is not null) suffixes.Add($"grad_fn=<{grad_fn.name()}>");
            else if (requires_grad) suffixes.Add("requires_grad=True");
            return AddSuffixes(prefix + body, suffixes, prefix.Length);
        }

        public void print() => Console.WriteLine(str());

        /// <summary>Appends ", suffix", moving a suffix to its own line when it would push the line past the width.</summary>
        private static string AddSuffixes(string text, List<string> suffixes, int indent)
        {
            var result = new System.Text.StringBuilder(text);
            // Same arithmetic as PyTorch's _add_suffixes, including its +1 (and +2 when there is no newline).
            var lastLineLength = text.Length - text.LastIndexOf('\n') + 1;
            foreach (var suffix in suffixes)
            {
                if (lastLineLength + suffix.Length + 2 > LineWidth)
                {
                    result.Append(",\n").Append(' ', indent).Append(suffix);
                    lastLineLength = indent + suffix.Length;
                }
                else
                {
                    result.Append(", ").Append(suffix);
                    lastLineLength += suffix.Length + 2;
                }
            }
            return result.Append(')').ToString();
        }

        /// <summary>Positions of the values a summarized print shows: the first and last <see cref="EdgeItems"/> along every long dim.</summary>
        private static IEnumerable<long> Summarized(long start, long[] shape)
        {
            if (shape.Length == 0)
            {
                yield return start;
                yield break;
            }
            var blockSize = Shapes.Numel(shape[1..]);
            var n = shape[0];
            for (long i = 0; i < n; i++)
            {
                if (n > 2 * EdgeItems && i == EdgeItems) i = n - EdgeItems;
                foreach (var v in Summarized(start + i * blockSize, shape[1..])) yield return v;
            }
        }

        private static string Render(int indent, bool summarize, ValueFormatter formatter, long start, long[] shape)
        {
            if (shape.Length == 0) return formatter.Format(start);
            var blockSize = Shapes.Numel(shape[1..]);
            var n = shape[0];
            var skip = summarize && n > 2 * EdgeItems;
            var items = new List<string>();
            for (long i = 0; i < n; i++)
            {
                if (skip && i == EdgeItems)
                {
                    // A vector's ellipsis is one more element (" ..." after ", "); a matrix's is a row of its own.
                    items.Add(shape.Length == 1 ? " ..." : "...");
                    i = n - EdgeItems - 1;
                    continue;
                }
                items.Add(Render(indent + 1, summarize, formatter, start + i * blockSize, shape[1..]));
            }
            if (shape.Length > 1)
                return "[" + string.Join("," + new string('\n', shape.Length - 1) + new string(' ', indent + 1), items) + "]";
            var perLine = Math.Max(1, (LineWidth - indent) / (formatter.Width + 2));
            var lines = items.Chunk(perLine).Select(chunk => string.Join(", ", chunk));
            return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
        }

        /// <summary>Chooses one number format for the whole tensor, as PyTorch's _Formatter does.</summary>
        private sealed class ValueFormatter
        {
            private readonly ScalarType type;
            private readonly double[] values;
            private readonly long[]? longs; // int64 is printed from the longs: a double would round past 2^53
            private readonly bool integerMode = true;
            private readonly bool scientific;

            public int Width { get; } = 1;

            /// <param name="data">A contiguous tensor.</param>
            /// <param name="shown">Positions of the elements that will be printed.</param>
            public ValueFormatter(Tensor data, IEnumerable<long> shown)
            {
                type = data.dtype;
                longs = type == ScalarType.Int64 ? data.ToArray<long>() : null;
                values = longs is null ? data.ToArray<double>() : [];
                if (type != ScalarType.Float32)
                {
                    Width = Math.Max(1, shown.Max(i => Cell(i).Length));
                    return;
                }
                // Zeros, infinities and NaN neither pick the format nor widen the columns.
                var nonzero = shown.Select(i => values[i]).Where(v => double.IsFinite(v) && v != 0).ToArray();
                if (nonzero.Length == 0) return;
                var min = nonzero.Min(Math.Abs);
                var max = nonzero.Max(Math.Abs);
                integerMode = nonzero.All(v => Math.Ceiling(v) == v);
                scientific = max / min > 1000 || max > 1e8 || (!integerMode && min < 1e-4);
                Width = nonzero.Max(v => Raw(v).Length);
            }

            private string Cell(long position) => longs is not null ? longs[position].ToString(CultureInfo.InvariantCulture) : Raw(values[position]);

            private string Raw(double v)
            {
                if (type == ScalarType.Bool) return v != 0 ? "True" : "False";
                if (double.IsNaN(v)) return "nan";
                if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
                if (scientific) return Scientific(v);
                if (integerMode) return v.ToString("F0", CultureInfo.InvariantCulture) + ".";
                return v.ToString("F4", CultureInfo.InvariantCulture);
            }

            /// <summary>Python's '{:.4e}': "E4" rounds ties to even like Python (a custom "0.0000e+00" does not); the exponent gets at least two digits.</summary>
            private static string Scientific(double v)
            {
                var text = v.ToString("E4", CultureInfo.InvariantCulture);
                var e = text.IndexOf('E');
                var exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
                return text[..e] + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
            }

            public string Format(long position)
            {
                var raw = Cell(position);
                return new string(' ', Math.Max(0, Width - raw.Length)) + raw;
            }
        }
    }
}
