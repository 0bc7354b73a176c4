using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// Tells, from syntax alone, whether a call <c>f(...)</c> in a cell invokes a variable (so a delegate) rather than a
/// method: a lambda that calls itself through a variable recurses without entering any method the cell declares, so
/// <see cref="LoopRewriter"/> guards such calls. A name counts when a parameter or a local/field declaration in scope
/// declares it, or an earlier cell left a delegate variable of that name, and the cell declares no method so named
/// (wrapping a method group would not compile).
/// </summary>
internal sealed class DelegateVariables
{
    private readonly HashSet<string> earlierCells;
    private readonly HashSet<string> methods;

    public DelegateVariables(SyntaxNode root, IEnumerable<string> earlierDelegateVariables)
    {
        earlierCells = [.. earlierDelegateVariables];
        methods = [.. root.DescendantNodes().Select(n => n switch
        {
            MethodDeclarationSyntax m => m.Identifier.Text,
            LocalFunctionStatementSyntax f => f.Identifier.Text,
            _ => null,
        }).OfType<string>()];
    }

    /// <summary>True when <paramref name="name"/>, called at <paramref name="call"/>, names a variable.</summary>
    public bool IsVariable(string name, SyntaxNode call)
    {
        if (methods.Contains(name)) return false;
        if (earlierCells.Contains(name)) return true;
        foreach (var scope in call.Ancestors())
        {
            if (scope switch
            {
                AnonymousFunctionExpressionSyntax lambda => Parameters(lambda).Any(p => p.Identifier.Text == name),
                BaseMethodDeclarationSyntax method => method.ParameterList.Parameters.Any(p => p.Identifier.Text == name),
                LocalFunctionStatementSyntax function => function.ParameterList.Parameters.Any(p => p.Identifier.Text == name),
                BlockSyntax block => block.Statements.OfType<LocalDeclarationStatementSyntax>().Any(d => Declares(d.Declaration, name)),
                CompilationUnitSyntax unit => unit.Members.Any(m => m switch
                {
                    GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => Declares(local.Declaration, name),
                    FieldDeclarationSyntax field => Declares(field.Declaration, name),
                    _ => false,
                }),
                _ => false,
            }) return true;
        }
        return false;
    }

    private static IEnumerable<ParameterSyntax> Parameters(AnonymousFunctionExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => [simple.Parameter],
        ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters,
        AnonymousMethodExpressionSyntax { ParameterList: { } list } => list.Parameters,
        _ => [],
    };

    private static bool Declares(VariableDeclarationSyntax declaration, string name) =>
        declaration.Variables.Any(v => v.Identifier.Text == name);
}
