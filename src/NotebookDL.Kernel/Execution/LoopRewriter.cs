using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// Makes cell code interruptible: each loop body starts with a call to <see cref="CellCancellation.Check"/>.
/// The call is inserted without line breaks, so compile errors and stack traces keep the cell's line numbers.
/// </summary>
public sealed class LoopRewriter : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax CheckCall = SyntaxFactory.ParseStatement(
        $"global::{typeof(CellCancellation).FullName}.{nameof(CellCancellation.Check)}();").WithoutTrivia();

    public static string Rewrite(string code, CSharpParseOptions options)
    {
        // Cheap textual test first: most cells have no loop and need no second parse.
        if (!code.Contains("for", StringComparison.Ordinal) && !code.Contains("while", StringComparison.Ordinal)) return code;
        var root = SyntaxFactory.ParseSyntaxTree(code, options).GetRoot();
        var rewritten = new LoopRewriter().Visit(root);
        return ReferenceEquals(rewritten, root) ? code : rewritten.ToFullString();
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    private static StatementSyntax Guard(StatementSyntax body)
    {
        if (body is BlockSyntax block)
        {
            if (block.Statements.Count == 0) return block.WithStatements(SyntaxFactory.SingletonList(CheckCall));
            // The check takes the first statement's leading trivia so directives (#if) stay first on their line.
            var first = block.Statements[0];
            var statements = block.Statements.Replace(first, first.WithLeadingTrivia(SyntaxTriviaList.Empty))
                .Insert(0, CheckCall.WithLeadingTrivia(first.GetLeadingTrivia()));
            return block.WithStatements(statements);
        }
        // An embedded statement becomes "{check; statement}" with the statement's trivia moved outside the braces.
        var open = SyntaxFactory.Token(body.GetLeadingTrivia(), SyntaxKind.OpenBraceToken, SyntaxTriviaList.Empty);
        var close = SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseBraceToken, body.GetTrailingTrivia());
        return SyntaxFactory.Block(open, SyntaxFactory.List([CheckCall, body.WithoutTrivia()]), close);
    }
}
