// The benchmark's code names the engine as notebooks do; here it is NotebookDL's managed engine
// (bench/NotebookDL.Bench.TorchSharp compiles the same files against TorchSharp).
global using NotebookDL;
global using static NotebookDL.torch;
