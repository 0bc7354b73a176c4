using System.CommandLine;
using NotebookDL.Kernel.Diagnostics;
using NotebookDL.Kernel.Install;
using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Server;

namespace NotebookDL.Kernel.Cli;

/// <summary>The `notebookdl` command: kernel, install, uninstall, run, assign, grade, convert.</summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("NotebookDL: a Jupyter kernel for C# with NotebookDL built in, and a headless notebook runner.")
        {
            KernelCommand(),
            InstallCommand(),
            UninstallCommand(),
            RunCommand.Create(),
            AssignCommand.Create(),
            GradeCommand.Create(),
            GradeWorkerCommand.Create(),
            ConvertCommand.Create(),
        };
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }

    private static Command KernelCommand()
    {
        var file = new Option<FileInfo>("--connection-file", "-f") { Description = "The connection file Jupyter wrote.", Required = true };
        var engine = EngineOption.Create();
        var command = new Command("kernel", "Run the Jupyter kernel (Jupyter starts this through the kernelspec).") { file, engine };
        command.SetAction(async (parse, _) =>
        {
            if (EngineOption.Apply(parse, engine) is { } engineError)
            {
                Console.Error.WriteLine(engineError);
                return 2;
            }
            var info = ConnectionInfo.Load(parse.GetRequiredValue(file).FullName);
            await using var server = KernelServer.Start(info);
            Log.Info($"kernel listening on {info.Ip} (shell {server.Sockets.Bound.ShellPort})");
            return await server.RunUntilShutdownAsync().ConfigureAwait(false);
        });
        return command;
    }

    private static Command InstallCommand()
    {
        var user = new Option<bool>("--user") { Description = "Install for the current user (the default)." };
        var prefix = new Option<DirectoryInfo?>("--prefix") { Description = "Install under DIR/share/jupyter/kernels (for a virtual environment)." };
        var engine = EngineOption.Create();
        engine.Description = "Install the kernelspec that starts on this engine: managed (the default, 'C# (NotebookDL)') or torchsharp ('C# (NotebookDL, TorchSharp)').";
        var command = new Command("install", $"Register the '{KernelSpecInstaller.DisplayName}' kernel with Jupyter.") { user, prefix, engine };
        command.SetAction(parse =>
        {
            if (EngineOption.Apply(parse, engine) is { } engineError)
            {
                Console.Error.WriteLine(engineError);
                return 2;
            }
            var chosen = parse.GetValue(engine) is { } name ? Engines.KernelEngines.Get(name).Name : null;
            var folder = KernelSpecInstaller.Install(parse.GetValue(prefix)?.FullName, engine: chosen);
            Console.WriteLine($"Installed kernelspec {KernelSpecInstaller.KernelNameFor(chosen)} in {folder}");
            foreach (var shadow in KernelSpecInstaller.Shadowing(folder))
                Console.WriteLine($"warning: {shadow} comes first in Jupyter's search path (JUPYTER_PATH) and hides this one");
            return 0;
        });
        return command;
    }

    private static Command UninstallCommand()
    {
        var prefix = new Option<DirectoryInfo?>("--prefix") { Description = "Also remove the kernelspec installed under DIR." };
        var command = new Command("uninstall", "Remove the kernelspec.") { prefix };
        command.SetAction(parse =>
        {
            var removed = KernelSpecInstaller.Uninstall(parse.GetValue(prefix)?.FullName);
            foreach (var folder in removed) Console.WriteLine($"Removed {folder}");
            if (removed.Count == 0) Console.WriteLine($"No {KernelSpecInstaller.KernelName} kernelspec was installed.");
            return 0;
        });
        return command;
    }
}
