using NotebookDL.Kernel.Cli;

return await CommandLine.RunAsync(args);
