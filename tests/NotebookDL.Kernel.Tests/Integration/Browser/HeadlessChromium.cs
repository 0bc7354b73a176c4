using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookDL.Display.Tests;

namespace NotebookDL.Kernel.Tests.Integration.Browser;

/// <summary>
/// Headless Chromium driven through the DevTools Protocol: it listens on a port it picks itself
/// (--remote-debugging-port=0) and says which on stderr ("DevTools listening on ws://..."). Disposing kills it and
/// removes its throwaway profile, whatever state the test left it in.
/// </summary>
public sealed partial class HeadlessChromium : IAsyncDisposable
{
    public const int Width = 1280, Height = 1400;
    private readonly Process process;
    private readonly DirectoryInfo profile;
    private readonly ProcessOutput output;

    private HeadlessChromium(Process process, DirectoryInfo profile, ProcessOutput output, DevToolsConnection devTools)
    {
        this.process = process;
        this.profile = profile;
        this.output = output;
        DevTools = devTools;
    }

    public DevToolsConnection DevTools { get; }

    public static async Task<HeadlessChromium> StartAsync()
    {
        var profile = Directory.CreateTempSubdirectory("notebookdl-frontend-chromium-");
        var start = new ProcessStartInfo(Chromium.Path ?? throw new InvalidOperationException(Chromium.MissingMessage))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in Chromium.HeadlessArguments(profile.FullName, Width, Height).Append("--remote-debugging-port=0").Append("about:blank"))
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var output = new ProcessOutput(process);
        try
        {
            var line = await output.WaitForLineAsync(DevToolsListening(), TimeSpan.FromSeconds(60), "Chromium to open its DevTools port");
            var devTools = await DevToolsConnection.ConnectAsync(new Uri(DevToolsListening().Match(line).Groups[1].Value), TimeSpan.FromSeconds(30));
            return new HeadlessChromium(process, profile, output, devTools);
        }
        catch
        {
            Stop(process, profile);
            throw;
        }
    }

    /// <summary>A new tab of the window's size, with the Page and Runtime domains on so console messages and exceptions reach <see cref="DevTools"/>.</summary>
    public async Task<BrowserPage> OpenPageAsync()
    {
        var target = await DevTools.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        var attached = await DevTools.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.DeepClone(), ["flatten"] = true });
        var page = new BrowserPage(DevTools, attached["sessionId"]!.GetValue<string>());
        await page.SendAsync("Page.enable");
        await page.SendAsync("Runtime.enable");
        await page.SendAsync("Emulation.setDeviceMetricsOverride",
            new JsonObject { ["width"] = Width, ["height"] = Height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        return page;
    }

    /// <summary>Chromium's own last words on stderr, for failure messages.</summary>
    public string Log => output.Tail;

    public async ValueTask DisposeAsync()
    {
        await DevTools.DisposeAsync();
        Stop(process, profile);
    }

    private static void Stop(Process process, DirectoryInfo profile)
    {
        ProcessOutput.Kill(process);
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a helper process that outlived the kill may still hold a file; the temp folder is cleaned eventually
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsListening();
}
