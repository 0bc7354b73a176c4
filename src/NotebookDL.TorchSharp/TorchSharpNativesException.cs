namespace NotebookDL.TorchSharp;

/// <summary>Thrown when TorchSharp's native libraries cannot be made to load; the message names the cause and a fix.</summary>
public sealed class TorchSharpNativesException(string message, Exception? inner = null) : Exception(message, inner);
