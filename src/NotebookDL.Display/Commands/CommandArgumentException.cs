namespace NotebookDL.Display;

/// <summary>A notebook command's argument is wrong; the message says which and what is expected. Hosts show it as a usage error.</summary>
public sealed class CommandArgumentException(string message) : ArgumentException(message);
