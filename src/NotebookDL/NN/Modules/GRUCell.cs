using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// One step of a gated recurrent unit, as TorchSharp's nn.GRUCell: with (r, z, n) stacked in weight_ih [3·hidden, in],
/// r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(..), n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h.
/// Input [batch, input_size] or unbatched [input_size], h0 [batch, hidden_size] (zeros when null); returns h'.
/// Parameters weight_ih, weight_hh, bias_ih, bias_hh, uniform in ±1/√hidden_size as in PyTorch.
/// </summary>
public sealed class GRUCell : nn.Module<Tensor, Tensor?, Tensor>
{
    private const int GATES = 3;
    private Parameter weightIH, weightHH;
    private Parameter? biasIH, biasHH;

    internal GRUCell(long inputSize, long hiddenSize, bool bias, Device? device, ScalarType? dtype) : base(nameof(GRUCell))
    {
        input_size = inputSize;
        hidden_size = hiddenSize;
        if (inputSize <= 0 || hiddenSize <= 0)
            throw new ArgumentException($"GRUCell: input_size and hidden_size must be positive, got input_size={inputSize}, hidden_size={hiddenSize}.");
        Linear.CheckFloat32(dtype, nameof(GRUCell));
        (weightIH, weightHH, biasIH, biasHH) = Recurrence.CreateCell(this, RecurrenceKind.GRU, inputSize, hiddenSize, bias, "", device);
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

    /// <summary>h' from input and h0 (zeros when null).</summary>
    public override Tensor forward(Tensor input, Tensor? h0)
    {
        var batched = Recurrence.CheckCellInput(GetName(), input_size, hidden_size, input, "h0", h0);
        var x = batched ? input : input.unsqueeze(0);
        var h = h0 is null ? zeros([x.shape[0], hidden_size], device: input.device) : batched ? h0 : h0.unsqueeze(0);
        var next = Recurrence.Step(RecurrenceKind.GRU, x, h, weightIH, weightHH, biasIH, biasHH);
        return batched ? next : next.squeeze(0);
    }

    public new Tensor call(Tensor input, Tensor? h0 = null) => base.call(input, h0);

    /// <summary>As PyTorch prints it: sizes, then bias and the non-linearity only when not the default.</summary>
    public override string extra_repr() => $"{input_size}, {hidden_size}" + (biasIH is null ? ", bias=False" : "");
}
