using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// Builds the bodies <see cref="LoopRewriter"/> substitutes: a block that starts with a guard call, made without line
/// breaks so compile errors and stack traces keep the cell's line numbers.
/// </summary>
internal static class GuardedBodies
{
    /// <summary>The body starting with <paramref name="guard"/>; null for a declaration without one (abstract, extern, partial).</summary>
    public static BlockSyntax? For(BlockSyntax? body, ArrowExpressionClauseSyntax? arrow, SyntaxToken semicolon, bool returnsNothing, StatementSyntax guard) =>
        body is not null ? Prepend(body, guard)
        : arrow is not null ? BlockFor(arrow, semicolon, returnsNothing, guard)
        : null;

    /// <summary>void, and async Task/ValueTask without a result, turn "=> expr;" into "{ expr; }"; others into "{ return expr; }".</summary>
    public static bool ReturnsNothing(TypeSyntax returnType, SyntaxTokenList modifiers)
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

    /// <summary>"=> expr;" as "{guard; return expr;}" on the same lines, keeping the arrow's and semicolon's trivia outside.</summary>
    public static BlockSyntax BlockFor(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, bool statement, StatementSyntax guard)
    {
        var expression = arrow.Expression.WithoutTrivia();
        StatementSyntax body = expression is ThrowExpressionSyntax thrown
            ? SyntaxFactory.ThrowStatement(thrown.ThrowKeyword.WithTrailingTrivia(SyntaxFactory.Space), thrown.Expression, SyntaxFactory.Token(SyntaxKind.SemicolonToken))
            : statement
            ? SyntaxFactory.ExpressionStatement(expression)
            : SyntaxFactory.ReturnStatement(SyntaxFactory.Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(SyntaxFactory.Space), expression, SyntaxFactory.Token(SyntaxKind.SemicolonToken));
        var open = SyntaxFactory.Token(arrow.ArrowToken.LeadingTrivia, SyntaxKind.OpenBraceToken, SyntaxTriviaList.Empty);
        var close = SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseBraceToken, semicolon.TrailingTrivia);
        return SyntaxFactory.Block(open, SyntaxFactory.List([guard, body]), close);
    }

    public static BlockSyntax Prepend(BlockSyntax block, StatementSyntax call)
    {
        if (block.Statements.Count == 0) return block.WithStatements(SyntaxFactory.SingletonList(call));
        // The call takes the first statement's leading trivia so directives (#if) stay first on their line.
        var first = block.Statements[0];
        var statements = block.Statements.Replace(first, first.WithLeadingTrivia(SyntaxTriviaList.Empty))
            .Insert(0, call.WithLeadingTrivia(first.GetLeadingTrivia()));
        return block.WithStatements(statements);
    }

    /// <summary>A loop body starting with <paramref name="call"/>; an embedded statement becomes "{call; statement}".</summary>
    public static StatementSyntax Guard(StatementSyntax body, StatementSyntax call)
    {
        if (body is BlockSyntax block) return Prepend(block, call);
        var open = SyntaxFactory.Token(body.GetLeadingTrivia(), SyntaxKind.OpenBraceToken, SyntaxTriviaList.Empty);
        var close = SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseBraceToken, body.GetTrailingTrivia());
        return SyntaxFactory.Block(open, SyntaxFactory.List([call, body.WithoutTrivia()]), close);
    }
}
