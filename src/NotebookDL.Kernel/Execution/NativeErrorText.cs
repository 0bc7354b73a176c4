namespace NotebookDL.Kernel.Execution;

/// <summary>
/// libtorch's error messages (TorchSharp raises them as ExternalException) go on after the reason with a dump of
/// C++ stack frames ("Exception raised from … frame #0: …") that says nothing to a notebook user; the cell's error
/// keeps the reason unless <see cref="TracebackFrames.FullVariable"/> asks for everything.
/// </summary>
public static class NativeErrorText
{
    private const string FramesStart = "\nException raised from";

    public static string Shorten(string message)
    {
        if (TracebackFrames.Full) return message;
        var frames = message.IndexOf(FramesStart, StringComparison.Ordinal);
        return frames < 0 ? message : message[..frames].TrimEnd() + $" (libtorch's C++ frames left out; {TracebackFrames.FullVariable}=1 shows them)";
    }
}
