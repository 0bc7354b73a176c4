using System.Globalization;
using System.Text;

namespace NotebookDL.Display;

/// <summary>
/// One checked number: what the code computed next to the value the textbook prints, with the tolerance
/// that decides between ✓ and ✗. Created by <see cref="Notebook.expect(double, double, double, string?)"/>,
/// which throws <see cref="BookCheckFailedException"/> instead when the check fails, so a notebook run
/// (and CI) stops at the first number that regressed.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource<BookCheck>), PreferredMimeTypes = [MimeBundle.Html, MimeBundle.PlainText])]
public sealed record BookCheck(string Label, IReadOnlyList<double> Actual, IReadOnlyList<double> Expected, double Tolerance, CheckKind Kind = CheckKind.Equal) : IDisplayable
{
    /// <summary>Where the expected value comes from: "book" for the textbook's numbers, "reference" for a computed one.</summary>
    public string Source { get; init; } = "book";

    /// <summary>The largest |actual − expected| over the values (for bounds, how far past the bound; 0 when inside).</summary>
    public double MaxDeviation => Kind switch
    {
        CheckKind.AtLeast => Actual.Zip(Expected, (a, e) => Math.Max(0, e - a)).DefaultIfEmpty(0).Max(),
        CheckKind.AtMost => Actual.Zip(Expected, (a, e) => Math.Max(0, a - e)).DefaultIfEmpty(0).Max(),
        _ => Actual.Zip(Expected, (a, e) => a == e ? 0 : Math.Abs(a - e)).DefaultIfEmpty(0).Max(),
    };

    /// <summary>True when every value is within the tolerance (NaN never passes).</summary>
    public bool Passed => Actual.Count == Expected.Count && !Actual.Any(double.IsNaN) && MaxDeviation <= Tolerance;

    /// <summary>One line: "✓ σ'(0): 0.25 (book 0.25, |Δ| = 0 ≤ 1e-06)".</summary>
    public string Line
    {
        get
        {
            var mark = Passed ? "✓" : "✗";
            if (Kind == CheckKind.Claim) return $"{mark} {Label}";
            var relation = Kind switch
            {
                CheckKind.AtLeast => $"at least {Join(Expected, null)}",
                CheckKind.AtMost => $"at most {Join(Expected, null)}",
                _ when Tolerance == 0 => Passed ? $"{Source} {Join(Expected, null)}" : $"{Source} {Join(Expected, null)}, off by {Fmt(MaxDeviation, null)}",
                _ => $"{Source} {Join(Expected, Source == "book" ? null : Tolerance)}, |Δ| = {Delta(MaxDeviation)} {(Passed ? "≤" : ">")} {Fmt(Tolerance, null)}",
            };
            if (Kind != CheckKind.Equal && Tolerance > 0) relation += $" (slack {Fmt(Tolerance, null)})";
            return $"{mark} {Label}: {Join(Actual, Tolerance)} ({relation})";
        }
    }

    /// <summary>A deviation to two significant digits: 9e-9, 0.1.</summary>
    internal static string Delta(double value) => value == 0 ? "0" : Fmt(double.Parse(value.ToString("G2", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), null);

    internal static string Join(IReadOnlyList<double> values, double? tolerance)
    {
        if (values.Count == 1) return Fmt(values[0], tolerance);
        var shown = values.Take(12).Select(v => Fmt(v, tolerance));
        return "[" + string.Join(", ", shown) + (values.Count > 12 ? $", … ({values.Count} values)" : "") + "]";
    }

    /// <summary>
    /// The computed value with a few more decimals than the tolerance resolves (so 0.2500000 next to a 1e-6 check),
    /// expected values and tolerances in their shortest exact form.
    /// </summary>
    internal static string Fmt(double value, double? tolerance)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "∞" : "-∞";
        if (value == 0) return "0"; // also −0, which "0" formats as "-0"
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15) return value.ToString("0", CultureInfo.InvariantCulture);
        if (tolerance is { } t && t > 0 && Math.Abs(value) is >= 1e-4 and < 1e9)
        {
            var decimals = Math.Clamp((int)Math.Ceiling(-Math.Log10(t)) + 1, 1, 12);
            return value.ToString("F" + decimals, CultureInfo.InvariantCulture);
        }
        if (tolerance is not null) return value.ToString("G6", CultureInfo.InvariantCulture);
        // expected values and tolerances as typed: shortest round-trip form, 1e-08 written 1e-8
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        // a computed expectation (1.3333333333333333) reads better at ten significant digits
        if (text.TrimStart('-').Length > 12) text = value.ToString("G10", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        if (e < 0) return text;
        var exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        return $"{text[..e]}e{exponent}";
    }

    public MimeBundle ToMimeBundle() => new MimeBundle(Line).With(MimeBundle.Html, Html());

    public override string ToString() => Line;

    internal string Html()
    {
        var colour = Passed ? "#1b7f3b" : "#c62828";
        var details = Line[(2 + Label.Length)..].TrimStart(':', ' ');
        var sb = new StringBuilder($"<div style=\"{HtmlStyle.Container}\"><span style=\"color:{colour};font-weight:700\">{(Passed ? "✓" : "✗")}</span> ");
        sb.Append($"<b>{Markup.Escape(Label)}</b>");
        if (details.Length > 0) sb.Append($": <span style=\"{HtmlStyle.Code}\">{Markup.Escape(details)}</span>");
        return sb.Append("</div>").ToString();
    }
}

/// <summary>How a <see cref="BookCheck"/> compares: equal within a tolerance, or a bound.</summary>
public enum CheckKind
{
    Equal,
    /// <summary>A statement that holds or not (expect_true); shown without numbers.</summary>
    Claim,
    AtLeast,
    AtMost,
}

/// <summary>A textbook number did not come out as the book says; the message is the ✗ line.</summary>
public sealed class BookCheckFailedException(BookCheck check) : Exception(check.Line)
{
    public BookCheck Check { get; } = check;
}
