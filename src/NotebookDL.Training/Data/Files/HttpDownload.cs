namespace NotebookDL;

/// <summary>The real network behind <see cref="DataEnvironment.OpenUrl"/>.</summary>
internal static class HttpDownload
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromMinutes(30) };

    public static Stream Open(Uri url)
    {
        var response = Client.Send(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new IOException($"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        return new SizedStream(response.Content.ReadAsStream(), response.Content.Headers.ContentLength, response);
    }
}

/// <summary>A read-only stream that knows its total length (for progress) though it cannot seek.</summary>
internal sealed class SizedStream(Stream inner, long? length, IDisposable? owner = null) : Stream
{
    public long? KnownLength => length;
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length ?? throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override int Read(Span<byte> buffer) => inner.Read(buffer);
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            owner?.Dispose();
        }
        base.Dispose(disposing);
    }
}
