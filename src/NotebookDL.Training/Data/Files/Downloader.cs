using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;

namespace NotebookDL;

/// <summary>
/// Downloads official dataset files: each goes to a temporary file beside its destination, is checked
/// against its known digest, and only then is renamed into place, so an interrupted download never leaves a
/// half-written file under the real name.
/// </summary>
internal static class Downloader
{
    public static void Fetch(DataSource source, IReadOnlyList<string> names, string folder, DataEnvironment env)
    {
        if (!source.CanDownload)
            throw new InvalidOperationException($"{source.Title}: there is no official download for {string.Join(", ", names)}; see {source.Homepage}.");
        Directory.CreateDirectory(folder);
        if (source.Archive is { } archive)
        {
            var archivePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder))!, archive.Name);
            if (!File.Exists(archivePath) || (archive.Checksum is { } c && !c.Matches(archivePath, out _)))
                FetchFile(source, [archive.Url], archivePath, archive.Checksum, env);
            Extract(source, archive, archivePath, folder, env);
            return;
        }
        foreach (var name in names)
            FetchFile(source, source.Mirrors.Select(m => new Uri(m, name)).ToArray(), Path.Combine(folder, name), source.File(name).Checksum, env);
    }

    private static void FetchFile(DataSource source, Uri[] urls, string destination, FileChecksum? checksum, DataEnvironment env)
    {
        var errors = new List<string>();
        foreach (var url in urls)
        {
            var temp = $"{destination}.{Guid.NewGuid():N}.part";
            try
            {
                Copy(url, temp, destination, env);
                if (checksum is not null && !checksum.Matches(temp, out var actual))
                    throw new InvalidDataException($"the downloaded file's {checksum.Name} is {actual}, but the official file's is {checksum.Hex}");
                File.Move(temp, destination, overwrite: true);
                env.Progress?.WriteLine($"  saved {destination}{(checksum is null ? "" : $" ({checksum.Name} verified)")}");
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                errors.Add($"  {url}: {e.Message}");
                TryDelete(temp);
            }
        }
        throw new IOException(
            $"{source.Title}: could not download {Path.GetFileName(destination)}:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}{Environment.NewLine}" +
            $"If this machine is offline, copy the file by hand into {Path.GetDirectoryName(destination)} (from {source.Origin}), " +
            $"or set {DataEnvironment.DataVariable} to a folder that already has the dataset.");
    }

    private static void Copy(Uri url, string temp, string destination, DataEnvironment env)
    {
        using var input = env.OpenUrl(url);
        long? total = input is SizedStream sized ? sized.KnownLength : input.CanSeek ? input.Length : null;
        var progress = env.Progress;
        progress?.WriteLine($"Downloading {url} ({(total is { } t ? Megabytes(t) : "size unknown")}) to {destination}");
        using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            var buffer = new byte[1 << 16];
            long done = 0, nextReport = 1;
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
                done += read;
                // Every tenth when the size is known, every 10 MB otherwise.
                var step = total is { } size && size > 0 ? done * 10 / size : done / 10_000_000;
                if (progress is not null && step >= nextReport)
                {
                    progress.WriteLine(total is { } all ? $"  {step * 10}% ({Megabytes(done)} of {Megabytes(all)})" : $"  {Megabytes(done)}");
                    nextReport = step + 1;
                }
            }
            if (total is { } expected && done != expected)
                throw new IOException($"the connection closed after {done:N0} of {expected:N0} bytes");
        }
    }

    private static void Extract(DataSource source, DataArchive archive, string archivePath, string folder, DataEnvironment env)
    {
        env.Progress?.WriteLine($"Extracting {archive.Folder}/ from {archivePath} to {folder}");
        var prefix = archive.Folder + "/";
        try
        {
            using var file = File.OpenRead(archivePath);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                var name = entry.Name.Replace('\\', '/');
                if (name.StartsWith("./", StringComparison.Ordinal)) name = name[2..];
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !name.StartsWith(prefix, StringComparison.Ordinal)) continue;
                var relative = name[prefix.Length..];
                // Only plain files directly in the folder: nothing in the archive can write elsewhere.
                if (relative.Length == 0 || relative.Contains('/') || relative == ".." || entry.DataStream is null) continue;
                var destination = Path.Combine(folder, relative);
                var temp = $"{destination}.{Guid.NewGuid():N}.part";
                using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write)) entry.DataStream.CopyTo(output);
                File.Move(temp, destination, overwrite: true);
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new InvalidDataException(
                $"{source.Title}: the archive {archivePath} is corrupt or truncated ({e.Message}). " +
                $"Delete it and download again; the official archive has {archive.Checksum?.ToString() ?? "no published checksum"} ({archive.Url}).", e);
        }
    }

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
