using System.Diagnostics;
using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Tests.Integration.Browser;

/// <summary>
/// One Chromium tab: runs JavaScript in it and waits for conditions, failing with the step's name, what the page
/// showed (a description the test provides) and the page's console, rather than a bare timeout.
/// </summary>
public sealed class BrowserPage(DevToolsConnection devTools, string sessionId)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, TimeSpan? timeout = null) =>
        devTools.SendAsync(method, parameters, sessionId, timeout);

    public async Task NavigateAsync(Uri url)
    {
        var navigated = await SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri });
        if (navigated["errorText"] is { } error) throw new InvalidOperationException($"Chromium could not open {url}: {error}");
    }

    /// <summary>
    /// The value of a JavaScript expression (awaited when it is a promise), passed back as JSON; an exception in the
    /// page throws here with the page's message.
    /// </summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, TimeSpan? timeout = null)
    {
        var evaluated = await SendAsync("Runtime.evaluate",
            new JsonObject { ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true }, timeout);
        if (evaluated["exceptionDetails"] is { } failure)
            throw new InvalidOperationException(
                $"JavaScript failed: {(failure["exception"]?["description"] ?? failure["text"])}\nwhile evaluating: {expression}");
        return evaluated["result"]?["value"]?.DeepClone();
    }

    /// <summary>
    /// Polls <paramref name="condition"/> (a JavaScript expression) until it is true. On timeout it fails naming
    /// <paramref name="step"/>, with the value of <paramref name="describePage"/> and the page's console.
    /// </summary>
    public async Task<TimeSpan> WaitForAsync(string step, string condition, TimeSpan timeout, string describePage)
    {
        var watch = Stopwatch.StartNew();
        string? lastError = null;
        while (watch.Elapsed < timeout)
        {
            try
            {
                if (await EvaluateAsync($"!!({condition})") is JsonValue value && value.GetValue<bool>()) return watch.Elapsed;
                lastError = null;
            }
            catch (InvalidOperationException ex)
            {
                lastError = ex.Message; // the page may still be loading its scripts
            }
            await Task.Delay(PollInterval);
        }
        throw new TimeoutException($"Step '{step}' failed: after {timeout.TotalSeconds:0} s this still was not true: {condition}\n" +
            (lastError is null ? "" : $"Last evaluation error: {lastError}\n") + await DescribeAsync(describePage));
    }

    /// <summary>What the page shows now and what it logged, for failure messages; never throws.</summary>
    public async Task<string> DescribeAsync(string describePage)
    {
        string shown;
        try
        {
            shown = (await EvaluateAsync(describePage, TimeSpan.FromSeconds(10)))?.ToString() ?? "(nothing)";
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
        {
            shown = $"(could not read the page: {ex.Message})";
        }
        var console = devTools.ConsoleLines.TakeLast(40).ToList();
        return $"The page showed:\n{shown}\nIts console ({console.Count} latest lines):\n{string.Join('\n', console)}";
    }

    /// <summary>Writes what the tab shows now as a PNG and returns its bytes.</summary>
    public async Task<byte[]> ScreenshotAsync(string path)
    {
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, TimeSpan.FromSeconds(60));
        var png = Convert.FromBase64String(shot["data"]!.GetValue<string>());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, png);
        return png;
    }
}
