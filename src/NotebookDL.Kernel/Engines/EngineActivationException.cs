namespace NotebookDL.Kernel.Engines;

/// <summary>An engine that cannot run in this process, with the cause and the fix.</summary>
public sealed class EngineActivationException(string message, Exception inner) : Exception(message, inner);
