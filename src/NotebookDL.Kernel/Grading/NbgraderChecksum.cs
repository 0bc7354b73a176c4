using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Grading;

/// <summary>
/// nbgrader's cell checksum (utils.compute_checksum): MD5 over the source, the cell type, Python's str() of the
/// grade, solution and locked flags, the grade_id and, for grade cells, str(float(points)). Checksums written by
/// `notebookdl assign` therefore match the ones `nbgrader generate_assignment` writes for the same cell.
/// </summary>
public static class NbgraderChecksum
{
    public static string Compute(JsonNode? cell)
    {
        var text = new StringBuilder()
            .Append(NbgraderCell.Source(cell))
            .Append(NbgraderCell.CellType(cell))
            .Append(PythonBool(NbgraderCell.IsGrade(cell)))
            .Append(PythonBool(NbgraderCell.IsSolution(cell)))
            .Append(PythonBool(NbgraderCell.IsLocked(cell)))
            .Append(NbgraderCell.GradeId(cell) ?? "");
        if (NbgraderCell.IsGrade(cell)) text.Append(PythonFloat(NbgraderCell.Points(cell)));
        // MD5 here is nbgrader's file format, not a security measure.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string PythonBool(bool value) => value ? "True" : "False";

    /// <summary>
    /// Python's repr of a float: the shortest round-trip digits, positional when the decimal point falls within
    /// 16 digits (with ".0" for whole numbers), otherwise "1e-05" / "1e+16" style.
    /// </summary>
    public static string PythonFloat(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";
        var sign = value < 0 ? "-" : "";
        var (digits, point) = ShortestDigits(Math.Abs(value));
        if (point > -4 && point <= 16)
        {
            if (point <= 0) return $"{sign}0.{new string('0', -point)}{digits}";
            if (point >= digits.Length) return $"{sign}{digits}{new string('0', point - digits.Length)}.0";
            return $"{sign}{digits[..point]}.{digits[point..]}";
        }
        var mantissa = digits.Length == 1 ? digits : $"{digits[0]}.{digits[1..]}";
        var exponent = point - 1;
        return $"{sign}{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
    }

    /// <summary>The shortest round-trip significant digits and where the decimal point goes (1.5 is ("15", 1)).</summary>
    private static (string Digits, int Point) ShortestDigits(double value)
    {
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        // "R" gives the shortest digits but switches notation on its own terms; normalise through "E" parsing.
        int e = shortest.IndexOfAny(['E', 'e']);
        var mantissa = e < 0 ? shortest : shortest[..e];
        int exponent = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.');
        var whole = dot < 0 ? mantissa : mantissa[..dot];
        var all = whole + (dot < 0 ? "" : mantissa[(dot + 1)..]);
        int point = whole.Length + exponent;
        var trimmed = all.TrimStart('0');
        point -= all.Length - trimmed.Length;
        trimmed = trimmed.TrimEnd('0');
        return (trimmed.Length == 0 ? "0" : trimmed, point);
    }
}
