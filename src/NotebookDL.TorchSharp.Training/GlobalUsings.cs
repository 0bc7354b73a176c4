// The shared training sources (src/NotebookDL.Training) name the engine as the managed flavour does (torch, Tensor,
// Modules, ScalarType); here those names are TorchSharp's. TorchSharp's API mirrors the managed engine's name for name.
global using torch = TorchSharp.torch;
global using Tensor = TorchSharp.torch.Tensor;
global using Modules = TorchSharp.Modules;
global using ScalarType = TorchSharp.torch.ScalarType;
