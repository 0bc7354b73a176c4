using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

/// <summary>
/// The cell-language lines of .NET Interactive (Polyglot Notebooks): "#!csharp" (and "#!c#") marks C#, which is what
/// this kernel runs, so the rest of the cell just runs; any other language ("#!fsharp", "#!pwsh", ...) is an error that
/// names it, instead of C# compile errors about F# or PowerShell syntax.
/// </summary>
public static class LanguageMagics
{
    /// <summary>.NET Interactive's kernel names and aliases, with the language each means.</summary>
    private static readonly (string Name, string Language)[] Foreign =
    [
        ("fsharp", "F#"), ("f#", "F#"), ("F#", "F#"), ("pwsh", "PowerShell"), ("powershell", "PowerShell"),
        ("javascript", "JavaScript"), ("js", "JavaScript"), ("html", "HTML"), ("markdown", "Markdown"), ("md", "Markdown"),
        ("sql", "SQL"), ("kql", "KQL"), ("mermaid", "Mermaid"), ("http", "HTTP"), ("python", "Python"), ("value", "a .NET Interactive value"),
    ];

    public static MagicRegistry RegisterLanguages(this MagicRegistry registry)
    {
        foreach (var name in new[] { "csharp", "c#", "C#" }) registry.Register(new CSharpMagic(name));
        foreach (var (name, language) in Foreign) registry.Register(new ForeignLanguageMagic(name, language));
        return registry;
    }

    private sealed class CSharpMagic(string name) : Magic
    {
        public override string Name => name;

        public override string Summary => "Marks a C# cell (.NET Interactive's cell language line); the cell runs as usual.";

        public override bool Listed => false;

        public override Task<CellResult> RunAsync(MagicContext context) => context.RunRestAsync();
    }

    private sealed class ForeignLanguageMagic(string name, string language) : Magic
    {
        public override string Name => name;

        public override string Summary => $"Marks a {language} cell in .NET Interactive; NotebookDL's kernel runs C# only.";

        public override bool Listed => false;

        public override Task<CellResult> RunAsync(MagicContext context)
        {
            var advice = language == "Markdown"
                ? "make it a Markdown cell instead"
                : "run this notebook in .NET Interactive (Polyglot Notebooks), or rewrite the cell in C#";
            var message = $"this cell is {language} (#!{name}), but NotebookDL's kernel runs C# only: {advice}";
            return Task.FromResult(CellResult.Failed(new CellError("ForeignLanguageCell", message, [$"ForeignLanguageCell: {message}."])));
        }
    }
}
