namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Anything that can be called on one input, such as a layer inside Sequential.</summary>
        public interface IModule<T, TResult>
        {
            public TResult call(T input1);
        }

        /// <summary>Anything that can be called on two inputs, such as a loss (prediction, target).</summary>
        public interface IModule<T1, T2, TResult>
        {
            public TResult call(T1 input1, T2 input2);
        }

        /// <summary>
        /// Whether a hook's return value replaces the one it saw: null (or a default value type, such as a tuple of
        /// nulls) means "leave it".
        /// </summary>
        internal static bool Replaces<TValue>(TValue? value, out TValue replaced)
        {
            replaced = value!;
            return value is not null && !EqualityComparer<TValue>.Default.Equals(value, default!);
        }

        /// <summary>A module whose forward takes one argument: every layer, and models built from layers.</summary>
        public abstract class Module<T, TResult>
            : HookableModule<Func<Module<T, TResult>, T, T?>, Func<Module<T, TResult>, T, TResult, TResult?>>, IModule<T, TResult>
        {
            protected Module(string name) : base(name) { }

            /// <summary>The computation; call <see cref="call"/> (or forward) to run it.</summary>
            public abstract TResult forward(T input);

            /// <summary>Runs the forward pre-hooks, forward, then the forward hooks; a hook that returns non-null replaces the value.</summary>
            public TResult call(T input)
            {
                foreach (var hook in PreHooks.ToList()) if (Replaces(hook(this, input), out var replaced)) input = replaced;
                var result = forward(input);
                foreach (var hook in PostHooks.ToList()) if (Replaces(hook(this, input, result), out var replaced)) result = replaced;
                return result;
            }
        }

        /// <summary>A module whose forward takes two arguments: losses take (input, target).</summary>
        public abstract class Module<T1, T2, TResult>
            : HookableModule<Func<Module<T1, T2, TResult>, T1, T2, (T1, T2)?>, Func<Module<T1, T2, TResult>, T1, T2, TResult, TResult?>>, IModule<T1, T2, TResult>
        {
            protected Module(string name) : base(name) { }

            public abstract TResult forward(T1 input1, T2 input2);

            /// <summary>Runs the forward pre-hooks, forward, then the forward hooks; a hook that returns non-null replaces the value.</summary>
            public TResult call(T1 input1, T2 input2)
            {
                foreach (var hook in PreHooks.ToList()) if (hook(this, input1, input2) is { } replaced) (input1, input2) = replaced;
                var result = forward(input1, input2);
                foreach (var hook in PostHooks.ToList()) if (Replaces(hook(this, input1, input2, result), out var replaced)) result = replaced;
                return result;
            }
        }
    }
}
