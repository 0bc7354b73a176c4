using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// Makes cell code interruptible and recursion-safe: each loop body starts with a call to
/// <see cref="CellCancellation.Check"/>; each method, local function, constructor, operator, accessor, anonymous method
/// and block-bodied lambda the cell declares with a call to <see cref="CellCancellation.EnterFrame"/> (an expression body
/// becomes a block for it); and a call through a delegate variable (<c>f(n - 1)</c>, so an expression-bodied lambda
/// that recurses through its variable) becomes <c>CellCancellation.Frame(f)(n - 1)</c>. The calls are inserted without
/// line breaks, so compile errors and stack traces keep the cell's line numbers.
/// </summary>
public sealed class LoopRewriter : CSharpSyntaxRewriter
{
    private static readonly string Cancellation = $"global::{typeof(CellCancellation).FullName}";
    private static readonly StatementSyntax CheckCall = SyntaxFactory.ParseStatement($"{Cancellation}.{nameof(CellCancellation.Check)}();").WithoutTrivia();
    private static readonly StatementSyntax EnterFrameCall = SyntaxFactory.ParseStatement($"{Cancellation}.{nameof(CellCancellation.EnterFrame)}();").WithoutTrivia();

    private readonly DelegateVariables variables;

    private LoopRewriter(DelegateVariables variables)
    {
        this.variables = variables;
    }

    /// <param name="earlierDelegateVariables">Names of delegate-typed variables earlier cells declared.</param>
    public static string Rewrite(string code, CSharpParseOptions options, IEnumerable<string>? earlierDelegateVariables = null)
    {
        // Cheap textual test first: a cell without loops or parentheses declares nothing to guard.
        if (!code.Contains("for", StringComparison.Ordinal) && !code.Contains("while", StringComparison.Ordinal) && !code.Contains('(')) return code;
        var root = SyntaxFactory.ParseSyntaxTree(code, options).GetRoot();
        var rewritten = new LoopRewriter(new DelegateVariables(root, earlierDelegateVariables ?? [])).Visit(root);
        return ReferenceEquals(rewritten, root) ? code : rewritten.ToFullString();
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(GuardedBodies.Guard(visited.Statement, CheckCall));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(GuardedBodies.Guard(visited.Statement, CheckCall));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(GuardedBodies.Guard(visited.Statement, CheckCall));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(GuardedBodies.Guard(visited.Statement, CheckCall));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(GuardedBodies.Guard(visited.Statement, CheckCall));
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        return GuardMember(visited, GuardedBodies.ReturnsNothing(visited.ReturnType, visited.Modifiers));
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        var body = Guarded(visited.Body, visited.ExpressionBody, visited.SemicolonToken, GuardedBodies.ReturnsNothing(visited.ReturnType, visited.Modifiers));
        return body is null ? visited : visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body);
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        var visited = (ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!;
        return GuardMember(visited, returnsNothing: true);
    }

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node)
    {
        var visited = (OperatorDeclarationSyntax)base.VisitOperatorDeclaration(node)!;
        return GuardMember(visited, GuardedBodies.ReturnsNothing(visited.ReturnType, visited.Modifiers));
    }

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node)
    {
        var visited = (ConversionOperatorDeclarationSyntax)base.VisitConversionOperatorDeclaration(node)!;
        return GuardMember(visited, returnsNothing: false);
    }

    /// <summary>get/set/init/add/remove; an expression-bodied property or indexer (<c>int P => P;</c>) is one too.</summary>
    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        var body = Guarded(visited.Body, visited.ExpressionBody, visited.SemicolonToken, returnsNothing: !visited.IsKind(SyntaxKind.GetAccessorDeclaration));
        return body is null ? visited : visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body);
    }

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        if (visited.ExpressionBody is not { } arrow) return visited;
        return visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(Getter(arrow, visited.SemicolonToken));
    }

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var visited = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        if (visited.ExpressionBody is not { } arrow) return visited;
        return visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(Getter(arrow, visited.SemicolonToken));
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var visited = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return visited.Block is { } block ? visited.WithBlock(GuardedBodies.Prepend(block, EnterFrameCall)) : visited;
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var visited = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return visited.Block is { } block ? visited.WithBlock(GuardedBodies.Prepend(block, EnterFrameCall)) : visited;
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return visited.WithBlock(GuardedBodies.Prepend(visited.Block, EnterFrameCall));
    }

    /// <summary>
    /// <c>f(x)</c> and <c>f.Invoke(x)</c> through a delegate variable: an expression-bodied lambda cannot take a
    /// statement without knowing whether it returns a value (nor inside an expression tree), so the call is guarded.
    /// </summary>
    public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
        return visited.Expression switch
        {
            IdentifierNameSyntax name when variables.IsVariable(name.Identifier.Text, node) =>
                visited.WithExpression(Frame(name)),
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.Text: "Invoke" } access
                when variables.IsVariable(target.Identifier.Text, node) =>
                visited.WithExpression(access.WithExpression(Frame(target))),
            _ => visited,
        };
    }

    private static ExpressionSyntax Frame(IdentifierNameSyntax name) =>
        SyntaxFactory.ParseExpression($"{Cancellation}.{nameof(CellCancellation.Frame)}({name.Identifier.Text})").WithTriviaFrom(name);

    /// <summary>A method, constructor or operator with the frame guard first in its body (unchanged without a body).</summary>
    private static BaseMethodDeclarationSyntax GuardMember(BaseMethodDeclarationSyntax member, bool returnsNothing)
    {
        var body = Guarded(member.Body, member.ExpressionBody, member.SemicolonToken, returnsNothing);
        return body is null ? member : member.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body);
    }

    private static BlockSyntax? Guarded(BlockSyntax? body, ArrowExpressionClauseSyntax? arrow, SyntaxToken semicolon, bool returnsNothing) =>
        GuardedBodies.For(body, arrow, semicolon, returnsNothing, EnterFrameCall);

    private static AccessorListSyntax Getter(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon) =>
        SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(
                SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, GuardedBodies.BlockFor(arrow, default, statement: false, EnterFrameCall))))
            .WithCloseBraceToken(SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseBraceToken, semicolon.TrailingTrivia));
}
