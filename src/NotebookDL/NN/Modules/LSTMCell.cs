using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// One step of a long short-term memory, as TorchSharp's nn.LSTMCell: with (i, f, g, o) stacked in weight_ih [4·hidden, in],
/// c' = σ(f) ⊙ c + σ(i) ⊙ tanh(g), h' = σ(o) ⊙ tanh(c'). Input [batch, input_size] or unbatched [input_size], h0_c0 = (h0, c0)
/// each [batch, hidden_size] (zeros when null); returns (h', c').
/// Parameters weight_ih, weight_hh, bias_ih, bias_hh, uniform in ±1/√hidden_size as in PyTorch.
/// </summary>
public sealed class LSTMCell : RecurrentCell<(Tensor, Tensor)?, (Tensor, Tensor)>
{
    internal LSTMCell(long inputSize, long hiddenSize, bool bias, Device? device, ScalarType? dtype)
        : base(nameof(LSTMCell), RecurrenceKind.LSTM, inputSize, hiddenSize, bias, device, dtype)
    {
    }

    /// <summary>(h', c') from input and (h0, c0) (zeros when null).</summary>
    public override (Tensor, Tensor) forward(Tensor input, (Tensor, Tensor)? h0_c0)
    {
        var batched = Recurrence.CheckCellInput(GetName(), input_size, hidden_size, input, "h0 (the first of h0_c0)", h0_c0?.Item1);
        Recurrence.CheckCellInput(GetName(), input_size, hidden_size, input, "c0 (the second of h0_c0)", h0_c0?.Item2);
        var x = batched ? input : input.unsqueeze(0);
        var (h, c) = Recurrence.LstmStep(x, State(h0_c0?.Item1, x, batched), State(h0_c0?.Item2, x, batched), weight_ih, weight_hh, bias_ih, bias_hh);
        return batched ? (h, c) : (h.squeeze(0), c.squeeze(0));
    }

    public new (Tensor, Tensor) call(Tensor input, (Tensor, Tensor)? h0_c0 = null) => base.call(input, h0_c0);
}
