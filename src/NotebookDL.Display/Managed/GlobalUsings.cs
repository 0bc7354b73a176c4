global using Tensor = NotebookDL.torch.Tensor;
