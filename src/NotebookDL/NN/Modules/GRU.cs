using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// A multi-layer gated recurrent unit over a whole sequence, as TorchSharp's nn.GRU. With gates (r, z, n) stacked in that
/// order in weight_ih [3·hidden, in] and weight_hh [3·hidden, hidden]: r = σ(W_ir x + b_ir + W_hr h + b_hr),
/// z = σ(W_iz x + b_iz + W_hz h + b_hz), n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h.
/// Shapes as <see cref="RNN"/>; forward returns (output, h_n).
/// </summary>
public sealed class GRU : nn.Module<Tensor, Tensor?, (Tensor, Tensor)>
{
    private readonly RecurrentStack body;

    internal GRU(long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst, double dropout, bool bidirectional,
        Device? device, ScalarType? dtype) : base(nameof(GRU)) =>
        body = new RecurrentStack(this, nameof(GRU), RecurrenceKind.GRU, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype);

    /// <summary>Runs the sequence from h0 (zeros when null); returns (output, h_n).</summary>
    public override (Tensor, Tensor) forward(Tensor input, Tensor? h0)
    {
        var (output, hn, _) = body.Forward(input, h0, null, training);
        return (output, hn);
    }

    public new (Tensor, Tensor) call(Tensor input, Tensor? h0 = null) => base.call(input, h0);

    public void flatten_parameters() { }

    public override string extra_repr() => body.ExtraRepr();
}
