namespace NotebookDL;

/// <summary>How a convolution fills the border it pads; NotebookDL implements zero padding only.</summary>
public enum PaddingModes
{
    Zeros = 0,
    Reflect = 1,
    Replicate = 2,
    Circular = 3,
    Constant = 4,
}

/// <summary>
/// Padding by intent instead of size (TorchSharp spells PyTorch's padding='valid' / 'same' this way):
/// Valid pads nothing; Same pads so a stride-1 convolution keeps the input's height and width.
/// </summary>
public enum Padding
{
    Valid = 0,
    Same = 1,
}
