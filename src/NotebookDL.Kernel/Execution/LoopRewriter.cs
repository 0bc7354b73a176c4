using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// Makes cell code interruptible and recursion-safe: each loop body starts with a call to
/// <see cref="CellCancellation.Check"/>, and each method and local function the cell declares with a call to
/// <see cref="CellCancellation.EnterFrame"/> (an expression body becomes a block for it). The calls are inserted
/// without line breaks, so compile errors and stack traces keep the cell's line numbers.
/// </summary>
public sealed class LoopRewriter : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax CheckCall = SyntaxFactory.ParseStatement(
        $"global::{typeof(CellCancellation).FullName}.{nameof(CellCancellation.Check)}();").WithoutTrivia();

    private static readonly StatementSyntax EnterFrameCall = SyntaxFactory.ParseStatement(
        $"global::{typeof(CellCancellation).FullName}.{nameof(CellCancellation.EnterFrame)}();").WithoutTrivia();

    public static string Rewrite(string code, CSharpParseOptions options)
    {
        // Cheap textual test first: a cell without loops or parentheses declares nothing to guard.
        if (!code.Contains("for", StringComparison.Ordinal) && !code.Contains("while", StringComparison.Ordinal) && !code.Contains('(')) return code;
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

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        var body = GuardedBody(visited.Body, visited.ExpressionBody, visited.SemicolonToken, visited.ReturnType, visited.Modifiers);
        return body is null ? visited : visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body);
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        var body = GuardedBody(visited.Body, visited.ExpressionBody, visited.SemicolonToken, visited.ReturnType, visited.Modifiers);
        return body is null ? visited : visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body);
    }

    /// <summary>The body starting with the frame guard; null for a declaration without one (abstract, extern, partial).</summary>
    private static BlockSyntax? GuardedBody(BlockSyntax? body, ArrowExpressionClauseSyntax? arrow, SyntaxToken semicolon, TypeSyntax returnType, SyntaxTokenList modifiers) =>
        body is not null ? Prepend(body, EnterFrameCall)
        : arrow is not null ? BlockFor(arrow, semicolon, ReturnsNothing(returnType, modifiers))
        : null;

    /// <summary>void, and async Task/ValueTask without a result, turn "=> expr;" into "{ expr; }"; others into "{ return expr; }".</summary>
    private static bool ReturnsNothing(TypeSyntax returnType, SyntaxTokenList modifiers)
    {
        if (returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }) return true;
        var name = returnType switch
        {
            IdentifierNameSyntax id => id.Identifier.Text,
            QualifiedNameSyntax { Right: IdentifierNameSyntax right } => right.Identifier.Text,
            AliasQualifiedNameSyntax { Name: IdentifierNameSyntax aliased } => aliased.Identifier.Text,
            _ => null,
        };
        return modifiers.Any(SyntaxKind.AsyncKeyword) && name is "Task" or "ValueTask";
    }

    /// <summary>"=> expr;" as "{EnterFrame(); return expr;}" on the same lines, keeping the arrow's and semicolon's trivia outside.</summary>
    private static BlockSyntax BlockFor(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, bool statement)
    {
        var expression = arrow.Expression.WithoutTrivia();
        StatementSyntax body = expression is ThrowExpressionSyntax thrown
            ? SyntaxFactory.ThrowStatement(thrown.ThrowKeyword.WithTrailingTrivia(SyntaxFactory.Space), thrown.Expression, SyntaxFactory.Token(SyntaxKind.SemicolonToken))
            : statement
            ? SyntaxFactory.ExpressionStatement(expression)
            : SyntaxFactory.ReturnStatement(SyntaxFactory.Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(SyntaxFactory.Space), expression, SyntaxFactory.Token(SyntaxKind.SemicolonToken));
        var open = SyntaxFactory.Token(arrow.ArrowToken.LeadingTrivia, SyntaxKind.OpenBraceToken, SyntaxTriviaList.Empty);
        var close = SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseBraceToken, semicolon.TrailingTrivia);
        return SyntaxFactory.Block(open, SyntaxFactory.List([EnterFrameCall, body]), close);
    }

    private static BlockSyntax Prepend(BlockSyntax block, StatementSyntax call)
    {
        if (block.Statements.Count == 0) return block.WithStatements(SyntaxFactory.SingletonList(call));
        // The call takes the first statement's leading trivia so directives (#if) stay first on their line.
        var first = block.Statements[0];
        var statements = block.Statements.Replace(first, first.WithLeadingTrivia(SyntaxTriviaList.Empty))
            .Insert(0, call.WithLeadingTrivia(first.GetLeadingTrivia()));
        return block.WithStatements(statements);
    }

    private static StatementSyntax Guard(StatementSyntax body)
    {
        if (body is BlockSyntax block) return Prepend(block, CheckCall);
        // An embedded statement becomes "{check; statement}" with the statement's trivia moved outside the braces.
        var open = SyntaxFactory.Token(body.GetLeadingTrivia(), SyntaxKind.OpenBraceToken, SyntaxTriviaList.Empty);
        var close = SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseBraceToken, body.GetTrailingTrivia());
        return SyntaxFactory.Block(open, SyntaxFactory.List([CheckCall, body.WithoutTrivia()]), close);
    }
}
