// The benchmark's code (bench/NotebookDL.Bench) names the engine as notebooks do; here it is TorchSharp.
global using TorchSharp;
global using static TorchSharp.torch;
