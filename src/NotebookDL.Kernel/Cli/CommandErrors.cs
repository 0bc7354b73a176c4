namespace NotebookDL.Kernel.Cli;

/// <summary>Exceptions that mean bad input or an unusable file, reported as one line instead of a stack trace.</summary>
public static class CommandErrors
{
    public static bool IsUserError(Exception ex) =>
        ex is IOException or InvalidDataException or System.Text.Json.JsonException or ArgumentException or UnauthorizedAccessException;
}
