using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// What RNNCell, LSTMCell and GRUCell share: sizes, the four parameters with PyTorch's names and shapes (gates
/// stacked along the first dim of the weights), their shape-checked setters, initialization uniform in
/// ±1/√hidden_size, and the repr. Each cell adds only its step.
/// </summary>
public abstract class RecurrentCell<THidden, TResult> : nn.Module<Tensor, THidden, TResult>
{
    private readonly int gates;
    private Parameter weightIH, weightHH;
    private Parameter? biasIH, biasHH;

    private protected RecurrentCell(string name, RecurrenceKind kind, long inputSize, long hiddenSize, bool bias, Device? device, ScalarType? dtype) : base(name)
    {
        Recurrence.CheckSizes(name, inputSize, hiddenSize, dtype);
        input_size = inputSize;
        hidden_size = hiddenSize;
        Kind = kind;
        gates = Recurrence.Gates(kind);
        (weightIH, weightHH, biasIH, biasHH) = Recurrence.CreateCell(this, kind, inputSize, hiddenSize, bias, "", device);
        Recurrence.Initialize(this, hiddenSize);
    }

    private protected RecurrenceKind Kind { get; }

    public long input_size { get; }

    public long hidden_size { get; }

    public Parameter weight_ih
    {
        get => weightIH;
        set
        {
            weightIH = Check(value, [gates * hidden_size, input_size], nameof(weight_ih));
            ConditionallyRegisterParameter(nameof(weight_ih), weightIH);
        }
    }

    public Parameter weight_hh
    {
        get => weightHH;
        set
        {
            weightHH = Check(value, [gates * hidden_size, hidden_size], nameof(weight_hh));
            ConditionallyRegisterParameter(nameof(weight_hh), weightHH);
        }
    }

    public Parameter? bias_ih
    {
        get => biasIH;
        set
        {
            biasIH = value is null ? null : Check(value, [gates * hidden_size], nameof(bias_ih));
            ConditionallyRegisterParameter(nameof(bias_ih), biasIH);
        }
    }

    public Parameter? bias_hh
    {
        get => biasHH;
        set
        {
            biasHH = value is null ? null : Check(value, [gates * hidden_size], nameof(bias_hh));
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

    /// <summary>A [batch, hidden_size] state: zeros when none is given, a batch of one for unbatched input.</summary>
    private protected Tensor State(Tensor? given, Tensor x, bool batched) =>
        given is null ? zeros([x.shape[0], hidden_size], device: x.device) : batched ? given : given.unsqueeze(0);

    /// <summary>One step of a cell whose state is h alone (RNNCell, GRUCell): h' from input and h0 (zeros when null).</summary>
    private protected Tensor StepHidden(Tensor input, Tensor? h0)
    {
        var batched = Recurrence.CheckCellInput(GetName(), input_size, hidden_size, input, "h0", h0);
        var x = batched ? input : input.unsqueeze(0);
        var next = Recurrence.Step(Kind, x, State(h0, x, batched), weight_ih, weight_hh, bias_ih, bias_hh);
        return batched ? next : next.squeeze(0);
    }

    /// <summary>As PyTorch prints it: sizes, then bias and the non-linearity only when not the default.</summary>
    public override string extra_repr() =>
        $"{input_size}, {hidden_size}" + (biasIH is null ? ", bias=False" : "") + (Kind == RecurrenceKind.RNNReLU ? ", nonlinearity=relu" : "");
}
