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
            var values = contiguous().ToArray<double>();
            var formatter = new ValueFormatter(values, dtype);
            var summarize = values.Length > SummarizeThreshold;
            var body = Shape.Length > 0 && values.Length == 0 ? "[]" : Render(this, prefix.Length, summarize, formatter, values, 0, Shape);
            var suffixes = new List<string>();
            if (Shape.Length > 0 && values.Length == 0) suffixes.Add($"size=({string.Join(", ", Shape)}{(Shape.Length == 1 ? "," : "")})");
            if (dtype == ScalarType.Int64 && values.Length == 0) suffixes.Add("dtype=torch.int64");
            if (grad_fn is not null) suffixes.Add($"grad_fn=<{grad_fn.name()}>");
            else if (requires_grad) suffixes.Add("requires_grad=True");
            return prefix + body + string.Concat(suffixes.Select(s => ", " + s)) + ")";
        }

        public void print() => Console.WriteLine(str());

        private static string Render(Tensor t, int indent, bool summarize, ValueFormatter formatter, double[] values, long start, long[] shape)
        {
            if (shape.Length == 0) return formatter.Format(values[start]);
            var blockSize = Shapes.Numel(shape[1..]);
            var n = shape[0];
            var rows = new List<string>();
            if (shape.Length == 1)
            {
                var items = new List<string>();
                for (long i = 0; i < n; i++)
                {
                    if (summarize && n > 2 * EdgeItems && i == EdgeItems)
                    {
                        items.Add("...");
                        i = n - EdgeItems - 1;
                        continue;
                    }
                    items.Add(formatter.Format(values[start + i]));
                }
                var perLine = Math.Max(1, (LineWidth - indent) / (formatter.Width + 2));
                var lines = items.Chunk(perLine).Select(chunk => string.Join(", ", chunk));
                return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
            }
            for (long i = 0; i < n; i++)
            {
                if (summarize && n > 2 * EdgeItems && i == EdgeItems)
                {
                    rows.Add("...");
                    i = n - EdgeItems - 1;
                    continue;
                }
                rows.Add(Render(t, indent + 1, summarize, formatter, values, start + i * blockSize, shape[1..]));
            }
            return "[" + string.Join("," + new string('\n', shape.Length - 1) + new string(' ', indent + 1), rows) + "]";
        }

        /// <summary>Chooses one number format for the whole tensor, as PyTorch's _Formatter does.</summary>
        private sealed class ValueFormatter
        {
            private readonly ScalarType type;
            private readonly bool integerMode;
            private readonly bool scientific;
            public int Width { get; }

            public ValueFormatter(double[] values, ScalarType type)
            {
                this.type = type;
                if (type == ScalarType.Float32)
                {
                    var finite = values.Where(double.IsFinite).ToArray();
                    integerMode = finite.All(v => Math.Ceiling(v) == v);
                    var nonzero = finite.Where(v => v != 0).Select(Math.Abs).ToArray();
                    if (nonzero.Length > 0)
                    {
                        var (min, max) = (nonzero.Min(), nonzero.Max());
                        scientific = integerMode ? max > 1e8 : max / min > 1000 || max > 1e8 || min < 1e-4;
                    }
                }
                Width = values.Length == 0 ? 1 : values.Max(v => Raw(v).Length);
            }

            private string Raw(double v)
            {
                if (type == ScalarType.Bool) return v != 0 ? "True" : "False";
                if (type == ScalarType.Int64) return ((long)v).ToString(CultureInfo.InvariantCulture);
                if (double.IsNaN(v)) return "nan";
                if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
                if (scientific) return v.ToString("0.0000e+00", CultureInfo.InvariantCulture);
                if (integerMode) return v.ToString("F0", CultureInfo.InvariantCulture) + ".";
                return v.ToString("F4", CultureInfo.InvariantCulture);
            }

            public string Format(double v)
            {
                var raw = Raw(v);
                return new string(' ', Math.Max(0, Width - raw.Length)) + raw;
            }
        }
    }
}
