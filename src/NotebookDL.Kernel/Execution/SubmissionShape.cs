using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// Whether a cell declares anything later cells could see. Roslyn gets slower with every submission kept in
/// the chain, so cells that only compute or mutate existing state (x, model.train(), 1+1) run from the current
/// state without joining the chain: their effects on earlier variables stay (those live in earlier
/// submission objects), and they had nothing of their own to keep.
/// </summary>
public static class SubmissionShape
{
    public static bool DeclaresNothing(SyntaxTree tree)
    {
        if (tree.GetRoot() is not CompilationUnitSyntax root) return false;
        if (root.Usings.Count > 0 || root.Externs.Count > 0 || root.AttributeLists.Count > 0 || root.ContainsDirectives) return false;
        foreach (var member in root.Members)
        {
            if (member is not GlobalStatementSyntax global) return false;
            if (global.Statement is LocalDeclarationStatementSyntax or LocalFunctionStatementSyntax) return false;
        }
        // Top-level out vars and pattern variables become script fields: stay conservative and keep such cells.
        return !root.DescendantNodes().Any(n => n is DeclarationExpressionSyntax or SingleVariableDesignationSyntax);
    }
}
