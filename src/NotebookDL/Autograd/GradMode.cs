namespace NotebookDL;

public static partial class torch
{
    public static partial class autograd
    {
        /// <summary>Whether ops record the graph on this thread; toggled by no_grad/enable_grad scopes.</summary>
        internal static class GradMode
        {
            [ThreadStatic] private static bool disabled;

            public static bool IsEnabled
            {
                get => !disabled;
                set => disabled = !value;
            }
        }
    }

    /// <summary>Restores the previous grad mode when disposed, so scopes nest like Python's context managers.</summary>
    public sealed class GradModeScope : IDisposable
    {
        private readonly bool previous;
        private bool disposed;

        internal GradModeScope(bool enabled)
        {
            previous = autograd.GradMode.IsEnabled;
            autograd.GradMode.IsEnabled = enabled;
        }

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            autograd.GradMode.IsEnabled = previous;
        }
    }

    /// <summary><c>using (torch.no_grad()) { ... }</c>: ops inside record no graph (evaluation, optimizer updates).</summary>
    public static GradModeScope no_grad() => new(false);

    public static GradModeScope enable_grad() => new(true);

    public static GradModeScope set_grad_enabled(bool enabled) => new(enabled);

    public static bool is_grad_enabled() => autograd.GradMode.IsEnabled;

    /// <summary>Tensors are garbage-collected; the scope exists so TorchSharp code that uses it compiles unchanged.</summary>
    public static IDisposable NewDisposeScope() => new GradModeScope(is_grad_enabled());
}
