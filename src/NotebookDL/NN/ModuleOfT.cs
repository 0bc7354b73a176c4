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

        /// <summary>A module whose forward takes one argument: every layer, and models built from layers.</summary>
        public abstract class Module<T, TResult> : Module, IModule<T, TResult>
        {
            protected Module(string name) : base(name) { }

            /// <summary>The computation; call <see cref="call"/> (or forward) to run it.</summary>
            public abstract TResult forward(T input);

            /// <summary>Runs forward (TorchSharp runs hooks here too; NotebookDL has none).</summary>
            public TResult call(T input) => forward(input);
        }

        /// <summary>A module whose forward takes two arguments: losses take (input, target).</summary>
        public abstract class Module<T1, T2, TResult> : Module, IModule<T1, T2, TResult>
        {
            protected Module(string name) : base(name) { }

            public abstract TResult forward(T1 input1, T2 input2);

            public TResult call(T1 input1, T2 input2) => forward(input1, input2);
        }
    }
}
