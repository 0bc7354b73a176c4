namespace NotebookDL.Kernel.Diagnostics;

/// <summary>
/// The kernel's own log. It writes to the process's real stderr captured at startup, because cells redirect
/// Console.Error to the notebook and kernel chatter must never land in a student's output.
/// </summary>
public static class Log
{
    private static readonly TextWriter Sink = CreateSink();
    private static readonly object Gate = new();

    /// <summary>
    /// NOTEBOOKDL_KERNEL_LOG=debug shows traffic details and lifecycle news (ports, shutdown); warnings and errors are
    /// always shown. A normal run writes nothing to stderr: frontends show a kernel's stderr as if something failed.
    /// </summary>
    public static bool DebugEnabled { get; set; } =
        string.Equals(Environment.GetEnvironmentVariable("NOTEBOOKDL_KERNEL_LOG"), "debug", StringComparison.OrdinalIgnoreCase);

    /// <summary>Tests and the in-process runner turn this off so expected failures stay quiet.</summary>
    public static bool Enabled { get; set; } = true;

    public static void Debug(string message)
    {
        if (DebugEnabled) Write("debug", message);
    }

    public static void Info(string message)
    {
        if (DebugEnabled) Write("info", message);
    }

    public static void Warn(string message) => Write("warn", message);

    public static void Error(string message, Exception? ex = null) =>
        Write("error", ex is null ? message : $"{message}: {ex.GetType().Name}: {ex.Message}");

    private static void Write(string level, string message)
    {
        if (!Enabled) return;
        lock (Gate)
        {
            Sink.WriteLine($"[notebookdl {DateTime.Now:HH:mm:ss.fff} {level}] {message}");
            Sink.Flush();
        }
    }

    /// <summary>NOTEBOOKDL_KERNEL_LOG_FILE sends the log to a file (frontends often hide a kernel's stderr).</summary>
    private static TextWriter CreateSink()
    {
        var file = Environment.GetEnvironmentVariable("NOTEBOOKDL_KERNEL_LOG_FILE");
        var stream = string.IsNullOrEmpty(file)
            ? Console.OpenStandardError()
            : new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        return TextWriter.Synchronized(new StreamWriter(stream) { AutoFlush = false });
    }
}
