using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// A multi-layer Elman RNN over a whole sequence, h_t = tanh(W_ih x_t + b_ih + W_hh h_(t−1) + b_hh) (or relu), as
/// TorchSharp's nn.RNN. Input [seq_len, batch, input_size] ([batch, seq_len, input_size] with batchFirst) or unbatched
/// [seq_len, input_size]; h0 [num_layers · num_directions, batch, hidden_size], zeros when null. forward returns
/// (output [seq_len, batch, num_directions · hidden_size], h_n [num_layers · num_directions, batch, hidden_size]).
/// Parameters weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k} (and _reverse), uniform in ±1/√hidden_size.
/// </summary>
public sealed class RNN : nn.Module<Tensor, Tensor?, (Tensor, Tensor)>
{
    private readonly RecurrentStack body;

    internal RNN(long inputSize, long hiddenSize, long numLayers, nn.NonLinearities nonLinearity, bool bias, bool batchFirst, double dropout,
        bool bidirectional, Device? device, ScalarType? dtype) : base(nameof(RNN))
    {
        var kind = nonLinearity switch
        {
            nn.NonLinearities.Tanh => RecurrenceKind.RNNTanh,
            nn.NonLinearities.ReLU => RecurrenceKind.RNNReLU,
            _ => throw new ArgumentException($"RNN: nonLinearity must be NonLinearities.Tanh or NonLinearities.ReLU, got {nonLinearity}."),
        };
        body = new RecurrentStack(this, nameof(RNN), kind, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype);
    }

    /// <summary>Runs the sequence from h0 (zeros when null); returns (output, h_n).</summary>
    public override (Tensor, Tensor) forward(Tensor input, Tensor? h0)
    {
        var (output, hn, _) = body.Forward(input, h0, null, training);
        return (output, hn);
    }

    public new (Tensor, Tensor) call(Tensor input, Tensor? h0 = null) => base.call(input, h0);

    /// <summary>weight_ih of cell <paramref name="idx"/> = layer · num_directions + direction.</summary>
    public Parameter? get_weight_ih(long idx) => body.WeightIH(idx);

    public Parameter? get_weight_hh(long idx) => body.WeightHH(idx);

    public Parameter? get_bias_ih(long idx) => body.BiasIH(idx);

    public Parameter? get_bias_hh(long idx) => body.BiasHH(idx);

    public void flatten_parameters() { }

    /// <summary>As PyTorch prints it: sizes and non-default options (PyTorch's RNN repr omits the non-linearity).</summary>
    public override string extra_repr() => body.ExtraRepr();
}
