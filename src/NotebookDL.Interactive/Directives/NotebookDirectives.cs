using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;
using NotebookDL.Display;

namespace NotebookDL.Interactive.Directives;

/// <summary>
/// NotebookDL's magics as .NET Interactive directives. The work is NotebookCommands', the same code NotebookDL's
/// kernel runs for its magics; here only the arguments (bound by the host onto each command's properties) and the
/// output (the host's display events) differ.
/// </summary>
internal static class NotebookDirectives
{
    public static void AddTo(Kernel kernel)
    {
        kernel.AddDirective<SeedCommand>(Directive("#!seed", NotebookCommands.SeedSummary, Value("the seed N (an integer)", required: true)),
            (command, context) => Show(context, () => NotebookCommands.Seed(NotebookCommands.ParseSeed(command.Value))));

        kernel.AddDirective<ThreadsCommand>(Directive("#!threads", NotebookCommands.ThreadsSummary, Value("the thread count N (at least 1); leave out to show it", required: false)),
            (command, context) => Show(context, () => NotebookCommands.Threads(NotebookCommands.ParseThreads(command.Value))));

        kernel.AddDirective<AboutCommand>(Directive("#!about", NotebookCommands.AboutSummary),
            (_, context) => Show(context, () => NotebookCommands.AboutText(("Host", $".NET Interactive {NotebookCommands.Version(typeof(Kernel).Assembly)}"))));

        kernel.AddDirective<SummaryCommand>(Directive("#!summary", NotebookCommands.SummarySummary,
                Value("the model (a variable name)", required: true),
                new KernelDirectiveParameter("--input-size", "one sample's shape without the batch dimension, e.g. 1,28,28") { Required = true },
                new KernelDirectiveParameter("--kernel-shape", "adds each layer's kernel shape") { Flag = true },
                new KernelDirectiveParameter("--mult-adds", "adds each layer's multiply-adds") { Flag = true }),
            (command, context) => Display(context, () => NotebookCommands.Summary(Variable(context, command.Value), command.Value ?? "",
                NotebookCommands.ParseInputSize(command.InputSize), command.KernelShape, command.MultAdds)));

        kernel.AddDirective<PlotHistoryCommand>(Directive("#!plot-history", NotebookCommands.PlotHistorySummary, Value("the history (a variable name)", required: true)),
            (command, context) => Display(context, () => NotebookCommands.PlotHistory(Variable(context, command.Value), command.Value ?? "")));
    }

    private static KernelActionDirective Directive(string name, string description, params KernelDirectiveParameter[] parameters)
    {
        var directive = new KernelActionDirective(name) { Description = description };
        foreach (var parameter in parameters) directive.Parameters.Add(parameter);
        return directive;
    }

    /// <summary>The positional argument: "--value" that may be left unnamed ("#!seed 7").</summary>
    private static KernelDirectiveParameter Value(string description, bool required) =>
        new("--value", description) { AllowImplicitName = true, Required = required };

    private static Task Show(KernelInvocationContext context, Func<string> command)
    {
        Run(context, () => context.DisplayAs(command(), MimeBundle.PlainText));
        return Task.CompletedTask;
    }

    private static Task Display(KernelInvocationContext context, Func<IDisplayable> command)
    {
        Run(context, () => Notebook.display(command()));
        return Task.CompletedTask;
    }

    /// <summary>A bad argument fails the cell with the command's own message instead of a stack trace.</summary>
    private static void Run(KernelInvocationContext context, Action action)
    {
        try
        {
            action();
        }
        catch (CommandArgumentException ex)
        {
            context.Fail(context.Command, message: ex.Message);
        }
    }

    /// <summary>A directive's argument names a variable of the C# session; a name it does not have is an argument error.</summary>
    private static object? Variable(KernelInvocationContext context, string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new CommandArgumentException("missing the variable name");
        if (context.HandlingKernel is CSharpKernel csharp && csharp.TryGetValue<object>(name, out var value)) return value;
        throw new CommandArgumentException($"'{name}' is not a variable of this C# session (directives take a variable name, not an expression)");
    }
}
