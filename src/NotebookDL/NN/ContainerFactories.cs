using NotebookDL.Modules;

namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public static Sequential Sequential() => new(Array.Empty<Module<Tensor, Tensor>>());

        /// <summary>Layers named "0", "1", … in order: <c>nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 10))</c>.</summary>
        public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules);

        /// <summary>Layers with chosen names, which become their state_dict prefixes.</summary>
        public static Sequential Sequential(params (string name, Module<Tensor, Tensor> submodule)[] modules) => new(modules);

        public static Sequential Sequential(params Tuple<string, Module<Tensor, Tensor>>[] modules) =>
            new(modules.Select(t => (t.Item1, t.Item2)).ToArray());

        public static Sequential Sequential(IEnumerable<(string name, Module<Tensor, Tensor> submodule)> modules) => new(modules.ToArray());

        public static Sequential Sequential(IEnumerable<Tuple<string, Module<Tensor, Tensor>>> modules) =>
            new(modules.Select(t => (t.Item1, t.Item2)).ToArray());

        public static Sequential Sequential(IEnumerable<Module<Tensor, Tensor>> modules) => new(modules.ToArray());

        public static ModuleList<Module> ModuleList(params Module[] modules) => new(modules);

        public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new(modules);
    }
}
