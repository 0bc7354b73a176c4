using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// One step of a gated recurrent unit, as TorchSharp's nn.GRUCell: with (r, z, n) stacked in weight_ih [3·hidden, in],
/// r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(..), n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h.
/// Input [batch, input_size] or unbatched [input_size], h0 [batch, hidden_size] (zeros when null); returns h'.
/// Parameters weight_ih, weight_hh, bias_ih, bias_hh, uniform in ±1/√hidden_size as in PyTorch.
/// </summary>
public sealed class GRUCell : RecurrentCell<Tensor?, Tensor>
{
    internal GRUCell(long inputSize, long hiddenSize, bool bias, Device? device, ScalarType? dtype)
        : base(nameof(GRUCell), RecurrenceKind.GRU, inputSize, hiddenSize, bias, device, dtype)
    {
    }

    /// <summary>h' from input and h0 (zeros when null).</summary>
    public override Tensor forward(Tensor input, Tensor? h0) => StepHidden(input, h0);

    public new Tensor call(Tensor input, Tensor? h0 = null) => base.call(input, h0);
}
