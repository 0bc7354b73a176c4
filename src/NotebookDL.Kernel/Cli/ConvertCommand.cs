using System.CommandLine;
using NotebookDL.Kernel.Polyglot;

namespace NotebookDL.Kernel.Cli;

/// <summary>`notebookdl convert`: .NET Interactive .dib notebooks to .ipynb for NotebookDL's kernel.</summary>
public static class ConvertCommand
{
    public static Command Create()
    {
        var notebooks = new Argument<FileInfo[]>("notebooks") { Description = "The .dib files to convert.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write the .ipynb files here (default: next to each .dib)." };
        var force = new Option<bool>("--force") { Description = "Replace an .ipynb that already exists." };
        var command = new Command("convert", "Convert .NET Interactive (Polyglot Notebooks) .dib files to .ipynb notebooks for this kernel.")
        {
            notebooks, output, force,
        };
        command.SetAction(parse =>
        {
            int failures = 0;
            foreach (var notebook in parse.GetRequiredValue(notebooks))
            {
                try
                {
                    Console.WriteLine($"wrote {DibConversion.Convert(notebook.FullName, parse.GetValue(output)?.FullName, parse.GetValue(force))}");
                }
                catch (Exception ex) when (CommandErrors.IsUserError(ex) || ex is FormatException)
                {
                    Console.Error.WriteLine($"notebookdl convert: {ex.Message}");
                    failures++;
                }
            }
            return failures == 0 ? 0 : 2;
        });
        return command;
    }
}
