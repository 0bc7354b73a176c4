using System.Diagnostics;

namespace NotebookDL.Display.Tests;

/// <summary>
/// Headless Chromium for screenshots: the executable named by NOTEBOOKDL_CHROMIUM, else /usr/bin/chromium or
/// /usr/bin/chromium-browser; tests that need it are skipped when none exists.
/// </summary>
internal static class Chromium
{
    /// <summary>A set NOTEBOOKDL_CHROMIUM is used alone (so pointing it at nothing exercises the skip).</summary>
    public static string? Path { get; } =
        (Environment.GetEnvironmentVariable("NOTEBOOKDL_CHROMIUM") is { Length: > 0 } chosen ? [chosen] : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
            .FirstOrDefault(File.Exists);

    public const string MissingMessage =
        "Chromium not found (looked at $NOTEBOOKDL_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser): browser rendering checks skipped. " +
        "Install it with `apt-get install -y chromium` to run them.";

    /// <summary>Where screenshots go: $NOTEBOOKDL_SCREENSHOTS, else a screenshots folder next to the test assembly.</summary>
    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("NOTEBOOKDL_SCREENSHOTS") is { Length: > 0 } dir ? dir : System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>
    /// A quiet, reproducible headless browser: a fresh profile, no GPU, no background traffic, one device pixel per CSS pixel.
    /// Shared with the notebook front-end tests (NotebookDL.Kernel.Tests links this file).
    /// </summary>
    public static IEnumerable<string> HeadlessArguments(string profileDirectory, int width, int height) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
        $"--user-data-dir={profileDirectory}", $"--window-size={width},{height}",
    ];

    /// <summary>Loads <paramref name="file"/> in a fresh profile and writes a screenshot of the given window size.</summary>
    public static void Screenshot(string file, string png, int width, int height)
    {
        var profile = Directory.CreateTempSubdirectory("notebookdl-chromium-");
        try
        {
            var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException(MissingMessage))
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in HeadlessArguments(profile.FullName, width, height).Append($"--screenshot={png}").Append(new Uri(file).AbsoluteUri))
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish a screenshot of {file} within 90 s.");
            }
            if (!File.Exists(png)) throw new InvalidOperationException($"Chromium wrote no screenshot of {file} (exit {process.ExitCode}): {stderr.Result}");
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { } // a lingering helper process may still hold a file
        }
    }
}

/// <summary>A fact that is skipped, with the reason shown, when Chromium is not installed.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (Chromium.Path is null) Skip = Chromium.MissingMessage;
    }
}
