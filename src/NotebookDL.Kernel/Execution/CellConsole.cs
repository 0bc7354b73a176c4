using System.Text;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// Console.Out, Console.Error and Console.In for cells. Installed once per process; text goes to whichever
/// cell output is current (output from background threads after a cell ends lands with the last cell, as in
/// ipykernel). Writes are buffered and flushed on a short timer so a tight Write loop does not become
/// thousands of messages.
/// </summary>
public static class CellConsole
{
    private static readonly object Gate = new();
    private static volatile ICellOutput? current;
    private static StreamWriterBuffer? stdout;
    private static StreamWriterBuffer? stderr;
    private static Timer? flushTimer;

    public static ICellOutput? Current => current;

    /// <summary>Redirects the process console to cells; idempotent.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (stdout is not null) return;
            stdout = new StreamWriterBuffer("stdout");
            stderr = new StreamWriterBuffer("stderr");
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Console.SetIn(new CellInput());
            flushTimer = new Timer(_ => Flush(), null, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>Makes <paramref name="output"/> receive console text from now on, after flushing the previous cell's.</summary>
    public static void Route(ICellOutput output)
    {
        Flush();
        current = output;
    }

    /// <summary>Publishes buffered text now: before displays, results and replies, so outputs keep their order.</summary>
    public static void Flush()
    {
        stdout?.FlushToCell();
        stderr?.FlushToCell();
    }

    private sealed class StreamWriterBuffer(string name) : TextWriter
    {
        private const int ImmediateFlushChars = 16 * 1024;
        private readonly StringBuilder buffer = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (buffer) buffer.Append(value);
        }

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            bool large;
            lock (buffer) large = buffer.Append(value).Length > ImmediateFlushChars;
            if (large) FlushToCell();
        }

        public override void Write(char[] chars, int index, int count) => Write(new string(chars, index, count));

        public override void WriteLine(string? value) => Write(value + Environment.NewLine);

        public override void Flush() => FlushToCell();

        private readonly Lock flushing = new();

        /// <summary>
        /// Sends what is buffered. The whole flush holds a lock, so a flush that finds the buffer empty still waits for
        /// one in flight on the timer thread: the cell's last output is always published before its result.
        /// </summary>
        public void FlushToCell()
        {
            lock (flushing)
            {
                string text;
                lock (buffer)
                {
                    if (buffer.Length == 0) return;
                    text = buffer.ToString();
                    buffer.Clear();
                }
                current?.WriteStream(name, text);
            }
        }
    }

    /// <summary>Console.ReadLine asks the frontend (input_request); with no frontend to ask it returns null (end of input).</summary>
    private sealed class CellInput : TextReader
    {
        public override string? ReadLine()
        {
            Flush();
            return current?.ReadLine("", password: false);
        }

        public override int Read() => -1;

        public override int Peek() => -1;
    }
}
