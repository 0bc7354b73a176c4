using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Magics;

namespace NotebookDL.Kernel.Language;

/// <summary>
/// is_complete_request for console frontends: unclosed braces, parentheses or multi-line strings are
/// "incomplete" (with an indent for the next line), other syntax errors "invalid".
/// </summary>
public static class CompletenessChecker
{
    public static JsonObject Check(string code)
    {
        var source = MagicParser.Split(code).Code;
        if (string.IsNullOrWhiteSpace(source)) return Status("complete");
        var tree = CSharpSyntaxTree.ParseText(source, ScriptEnvironment.ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            var status = Status("incomplete");
            status["indent"] = new string(' ', 4 * Math.Max(0, OpenBraces(tree)));
            return status;
        }
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? Status("invalid") : Status("complete");
    }

    private static int OpenBraces(SyntaxTree tree)
    {
        int depth = 0;
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsMissing) continue;
            if (token.IsKind(SyntaxKind.OpenBraceToken)) depth++;
            else if (token.IsKind(SyntaxKind.CloseBraceToken)) depth--;
        }
        return depth;
    }

    private static JsonObject Status(string status) => new() { ["status"] = status };
}
