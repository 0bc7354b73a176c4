using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// A multi-layer long short-term memory over a whole sequence, as TorchSharp's nn.LSTM. With gates (i, f, g, o) stacked in
/// that order in weight_ih [4·hidden, in] and weight_hh [4·hidden, hidden]: i = σ(..), f = σ(..), g = tanh(..), o = σ(..),
/// c_t = f ⊙ c_(t−1) + i ⊙ g, h_t = o ⊙ tanh(c_t). Shapes as <see cref="RNN"/>; h0_c0 is (h0, c0), zeros when null.
/// forward returns TorchSharp's flat triple (output, h_n, c_n) — PyTorch nests it as (output, (h_n, c_n)).
/// </summary>
public sealed class LSTM : nn.Module<Tensor, (Tensor, Tensor)?, (Tensor, Tensor, Tensor)>
{
    private readonly RecurrentStack body;

    internal LSTM(long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst, double dropout, bool bidirectional,
        Device? device, ScalarType? dtype) : base(nameof(LSTM)) =>
        body = new RecurrentStack(this, nameof(LSTM), RecurrenceKind.LSTM, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype);

    /// <summary>Runs the sequence from (h0, c0) (zeros when null); returns (output, h_n, c_n).</summary>
    public override (Tensor, Tensor, Tensor) forward(Tensor input, (Tensor, Tensor)? h0_c0)
    {
        var (output, hn, cn) = body.Forward(input, h0_c0?.Item1, h0_c0?.Item2, training);
        return (output, hn, cn!);
    }

    public new (Tensor, Tensor, Tensor) call(Tensor input, (Tensor, Tensor)? h0_c0 = null) => base.call(input, h0_c0);

    public void flatten_parameters() { }

    public override string extra_repr() => body.ExtraRepr();
}
