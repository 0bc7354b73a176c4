// System.Numerics.Tensors also defines a Tensor type; ours is the one every file means.
global using Tensor = NotebookDL.torch.Tensor;
