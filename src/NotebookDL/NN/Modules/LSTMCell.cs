using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// One step of a long short-term memory, as TorchSharp's nn.LSTMCell: with (i, f, g, o) stacked in weight_ih [4·hidden, in],
/// c' = σ(f) ⊙ c + σ(i) ⊙ tanh(g), h' = σ(o) ⊙ tanh(c'). Input [batch, input_size] or unbatched [input_size], h0_c0 = (h0, c0)
/// each [batch, hidden_size] (zeros when null); returns (h', c').
/// Parameters weight_ih, weight_hh, bias_ih, bias_hh, uniform in ±1/√hidden_size as in PyTorch.
/// </summary>
public sealed class LSTMCell : nn.Module<Tensor, (Tensor, Tensor)?, (Tensor, Tensor)>
{
    private const int GATES = 4;
    private Parameter weightIH, weightHH;
    private Parameter? biasIH, biasHH;

    internal LSTMCell(long inputSize, long hiddenSize, bool bias, Device? device, ScalarType? dtype) : base(nameof(LSTMCell))
    {
        input_size = inputSize;
        hidden_size = hiddenSize;
        if (inputSize <= 0 || hiddenSize <= 0)
            throw new ArgumentException($"LSTMCell: input_size and hidden_size must be positive, got input_size={inputSize}, hidden_size={hiddenSize}.");
        Linear.CheckFloat32(dtype, nameof(LSTMCell));
        (weightIH, weightHH, biasIH, biasHH) = Recurrence.CreateCell(this, RecurrenceKind.LSTM, inputSize, hiddenSize, bias, "", device);
        Recurrence.Initialize(this, hiddenSize);
    }

    public long input_size { get; }

    public long hidden_size { get; }

    public Parameter weight_ih
    {
        get => weightIH;
        set
        {
            weightIH = Check(value, [GATES * hidden_size, input_size], nameof(weight_ih));
            ConditionallyRegisterParameter(nameof(weight_ih), weightIH);
        }
    }

    public Parameter weight_hh
    {
        get => weightHH;
        set
        {
            weightHH = Check(value, [GATES * hidden_size, hidden_size], nameof(weight_hh));
            ConditionallyRegisterParameter(nameof(weight_hh), weightHH);
        }
    }

    public Parameter? bias_ih
    {
        get => biasIH;
        set
        {
            biasIH = value is null ? null : Check(value, [GATES * hidden_size], nameof(bias_ih));
            ConditionallyRegisterParameter(nameof(bias_ih), biasIH);
        }
    }

    public Parameter? bias_hh
    {
        get => biasHH;
        set
        {
            biasHH = value is null ? null : Check(value, [GATES * hidden_size], nameof(bias_hh));
            ConditionallyRegisterParameter(nameof(bias_hh), biasHH);
        }
    }

    private Parameter Check(Parameter? value, long[] shape, string slot)
    {
        ArgumentNullException.ThrowIfNull(value, slot);
        if (!Shapes.SameShape(value.Shape, shape))
            throw new ArgumentException($"{Recurrence.Describe(GetName(), input_size, hidden_size)}: {slot} must be {Shapes.Format(shape)}, got {Shapes.Format(value.Shape)}.");
        return value;
    }

    /// <summary>(h', c') from input and (h0, c0) (zeros when null).</summary>
    public override (Tensor, Tensor) forward(Tensor input, (Tensor, Tensor)? h0_c0)
    {
        var batched = Recurrence.CheckCellInput(GetName(), input_size, hidden_size, input, "h0 (the first of h0_c0)", h0_c0?.Item1);
        Recurrence.CheckCellInput(GetName(), input_size, hidden_size, input, "c0 (the second of h0_c0)", h0_c0?.Item2);
        var x = batched ? input : input.unsqueeze(0);
        Tensor State(Tensor? s) => s is null ? zeros([x.shape[0], hidden_size], device: input.device) : batched ? s : s.unsqueeze(0);
        var (h, c) = Recurrence.LstmStep(x, State(h0_c0?.Item1), State(h0_c0?.Item2), weightIH, weightHH, biasIH, biasHH);
        return batched ? (h, c) : (h.squeeze(0), c.squeeze(0));
    }

    public new (Tensor, Tensor) call(Tensor input, (Tensor, Tensor)? h0_c0 = null) => base.call(input, h0_c0);

    /// <summary>As PyTorch prints it: sizes, then bias and the non-linearity only when not the default.</summary>
    public override string extra_repr() => $"{input_size}, {hidden_size}" + (biasIH is null ? ", bias=False" : "");
}
