using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Engines;

/// <summary>
/// Makes an engine usable in this process once: TorchSharp's native libraries are loaded from the NuGet cache, and
/// when they are not there, its CPU package is restored into the cache first (about 600 MB, once per machine).
/// </summary>
public static class EngineActivator
{
    private static readonly HashSet<string> active = [];
    private static readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Activates <paramref name="engine"/>; progress of a download goes to <paramref name="progress"/>.</summary>
    /// <exception cref="EngineActivationException">The engine cannot run here; the message says why and what to do.</exception>
    public static async Task ActivateAsync(KernelEngine engine, TextWriter progress, NuGetRestorer? restorer = null)
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (active.Contains(engine.Name)) return;
            try
            {
                engine.Activate();
            }
            catch (Exception first) when (engine.NativePackage is { } package && first is not OutOfMemoryException)
            {
                await FetchNativesAsync(engine, package, first, progress, restorer ?? new NuGetRestorer()).ConfigureAwait(false);
            }
            active.Add(engine.Name);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task FetchNativesAsync(KernelEngine engine, PackageRequest package, Exception first, TextWriter progress, NuGetRestorer restorer)
    {
        progress.WriteLine($"The {engine.Name} engine's native libraries are not loadable yet ({FirstLine(first.Message)}); restoring {package}.");
        try
        {
            await restorer.FetchAsync([package], progress).ConfigureAwait(false);
        }
        catch (NuGetRestoreException restore)
        {
            throw new EngineActivationException(
                $"The {engine.Name} engine cannot start: {first.Message} Restoring {package} to fetch libtorch failed too: {restore.Message} " +
                $"Fix: make the package source reachable (or run 'dotnet add package {package.Name} --version {package.Version}' in any project once), then run the cell again.", first);
        }
        try
        {
            engine.Activate();
        }
        catch (Exception second) when (second is not OutOfMemoryException)
        {
            throw new EngineActivationException($"The {engine.Name} engine cannot start: {second.Message}", second);
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('.');
}
