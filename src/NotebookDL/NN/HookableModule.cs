namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// A module that runs hooks around its forward, as TorchSharp's HookableModule: pre-hooks see (and may replace)
        /// the input, post-hooks see the input and the output (and may replace the output). Summaries, activation plots
        /// and debugging use them to watch layers inside a model without changing its code.
        /// </summary>
        public abstract class HookableModule<TPreHook, TPostHook> : Module
            where TPreHook : Delegate
            where TPostHook : Delegate
        {
            private readonly SortedDictionary<long, TPreHook> preHooks = [];
            private readonly SortedDictionary<long, TPostHook> postHooks = [];
            private long nextHook;

            protected HookableModule(string name) : base(name) { }

            private protected IEnumerable<TPreHook> PreHooks => preHooks.Values;

            private protected IEnumerable<TPostHook> PostHooks => postHooks.Values;

            /// <summary>Runs <paramref name="hook"/> after every forward; remove it with the returned handle.</summary>
            public HookRemover register_forward_hook(TPostHook hook)
            {
                ArgumentNullException.ThrowIfNull(hook);
                var key = nextHook++;
                postHooks[key] = hook;
                return new HookRemover(() => postHooks.Remove(key));
            }

            /// <summary>Runs <paramref name="hook"/> before every forward; remove it with the returned handle.</summary>
            public HookRemover register_forward_pre_hook(TPreHook hook)
            {
                ArgumentNullException.ThrowIfNull(hook);
                var key = nextHook++;
                preHooks[key] = hook;
                return new HookRemover(() => preHooks.Remove(key));
            }

            /// <summary>Removes one hook (TorchSharp's HookRemover; PyTorch's RemovableHandle).</summary>
            public sealed class HookRemover(Action removal)
            {
                public void remove() => removal();
            }
        }
    }
}
