// The shared display sources (src/NotebookDL.Display) name the engine as the managed flavour does (torch, Tensor,
// Modules, ScalarType); here those names are TorchSharp's, as in src/NotebookDL.TorchSharp.Training.
global using torch = TorchSharp.torch;
global using Tensor = TorchSharp.torch.Tensor;
global using Modules = TorchSharp.Modules;
global using ScalarType = TorchSharp.torch.ScalarType;
