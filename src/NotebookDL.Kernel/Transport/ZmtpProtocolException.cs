namespace NotebookDL.Kernel.Transport;

/// <summary>A peer broke ZMTP (bad greeting, wrong mechanism, illegal frame); the connection is closed.</summary>
public sealed class ZmtpProtocolException(string message) : Exception(message);
