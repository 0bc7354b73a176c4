using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// One step of an Elman RNN, h' = tanh(W_ih x + b_ih + W_hh h + b_hh) (or relu), as TorchSharp's nn.RNNCell: input
/// [batch, input_size] or unbatched [input_size], h0 [batch, hidden_size] (zeros when null); returns h' [batch, hidden_size].
/// Parameters weight_ih, weight_hh, bias_ih, bias_hh, uniform in ±1/√hidden_size as in PyTorch.
/// </summary>
public sealed class RNNCell : RecurrentCell<Tensor?, Tensor>
{
    internal RNNCell(long inputSize, long hiddenSize, nn.NonLinearities nonLinearity, bool bias, Device? device, ScalarType? dtype)
        : base(nameof(RNNCell), KindOf(nonLinearity), inputSize, hiddenSize, bias, device, dtype)
    {
    }

    private static RecurrenceKind KindOf(nn.NonLinearities nonLinearity) => nonLinearity switch
    {
        nn.NonLinearities.Tanh => RecurrenceKind.RNNTanh,
        nn.NonLinearities.ReLU => RecurrenceKind.RNNReLU,
        _ => throw new ArgumentException($"RNNCell: nonLinearity must be NonLinearities.Tanh or NonLinearities.ReLU, got {nonLinearity}."),
    };

    /// <summary>h' from input and h0 (zeros when null).</summary>
    public override Tensor forward(Tensor input, Tensor? h0) => StepHidden(input, h0);

    public new Tensor call(Tensor input, Tensor? h0 = null) => base.call(input, h0);
}
