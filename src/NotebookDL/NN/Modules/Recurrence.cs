using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>The three recurrences PyTorch implements, and the RNN's two non-linearities.</summary>
internal enum RecurrenceKind { RNNTanh, RNNReLU, LSTM, GRU }

/// <summary>
/// The machinery RNN, LSTM and GRU (and their cells) share: parameter creation in PyTorch's names and order, the one-step
/// equations, and the loop over time, layers and directions. Everything is built from differentiable ops (linear,
/// sigmoid, tanh, narrow, stack), so autograd differentiates through time without a backward of its own.
/// <para>
/// Equations, as in PyTorch (gate blocks stacked in this order along dim 0 of weight_ih and weight_hh):
/// RNN: h' = tanh(W_ih x + b_ih + W_hh h + b_hh) (or relu);
/// LSTM (i, f, g, o): i = σ(..), f = σ(..), g = tanh(..), o = σ(..), c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c');
/// GRU (r, z, n): r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(..), n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)),
/// h' = (1 − z) ⊙ n + z ⊙ h.
/// </para>
/// </summary>
internal static class Recurrence
{
    /// <summary>The checks every recurrent layer and cell makes of its sizes and dtype.</summary>
    public static void CheckSizes(string layer, long inputSize, long hiddenSize, ScalarType? dtype)
    {
        if (inputSize <= 0 || hiddenSize <= 0)
            throw new ArgumentException($"{layer}: input_size and hidden_size must be positive, got input_size={inputSize}, hidden_size={hiddenSize}.");
        Linear.CheckFloat32(dtype, layer);
    }

    public static int Gates(RecurrenceKind kind) => kind switch
    {
        RecurrenceKind.LSTM => 4,
        RecurrenceKind.GRU => 3,
        _ => 1,
    };

    /// <summary>One cell's four parameters (biases null without bias), created, registered under the given suffix and initialized uniform(±1/√hidden).</summary>
    public static (Parameter wih, Parameter whh, Parameter? bih, Parameter? bhh) CreateCell(
        nn.Module owner, RecurrenceKind kind, long inputSize, long hiddenSize, bool bias, string suffix, Device? device)
    {
        var gates = Gates(kind);
        var wih = new Parameter(empty([gates * hiddenSize, inputSize], device: device));
        var whh = new Parameter(empty([gates * hiddenSize, hiddenSize], device: device));
        Parameter? bih = bias ? new Parameter(empty([gates * hiddenSize], device: device)) : null;
        Parameter? bhh = bias ? new Parameter(empty([gates * hiddenSize], device: device)) : null;
        owner.register_parameter("weight_ih" + suffix, wih);
        owner.register_parameter("weight_hh" + suffix, whh);
        if (bih is not null) owner.register_parameter("bias_ih" + suffix, bih);
        if (bhh is not null) owner.register_parameter("bias_hh" + suffix, bhh);
        return (wih, whh, bih, bhh);
    }

    /// <summary>PyTorch's reset_parameters for every recurrent layer: every weight and bias uniform in ±1/√hidden_size.</summary>
    public static void Initialize(nn.Module owner, long hiddenSize)
    {
        var bound = hiddenSize > 0 ? 1 / Math.Sqrt(hiddenSize) : 0;
        foreach (var p in owner.parameters()) nn.init.uniform_(p, -bound, bound);
    }

    /// <summary>One step of the RNN (tanh or relu) or GRU: x [B, in], h [B, H] → h' [B, H].</summary>
    public static Tensor Step(RecurrenceKind kind, Tensor x, Tensor h, Tensor wih, Tensor whh, Tensor? bih, Tensor? bhh)
    {
        var gi = nn.functional.linear(x, wih, bih);
        var gh = nn.functional.linear(h, whh, bhh);
        switch (kind)
        {
            case RecurrenceKind.RNNTanh:
                return (gi + gh).tanh();
            case RecurrenceKind.RNNReLU:
                return (gi + gh).relu();
            case RecurrenceKind.GRU:
                {
                    var hidden = h.shape[^1];
                    var r = (gi.narrow(-1, 0, hidden) + gh.narrow(-1, 0, hidden)).sigmoid();
                    var z = (gi.narrow(-1, hidden, hidden) + gh.narrow(-1, hidden, hidden)).sigmoid();
                    var n = (gi.narrow(-1, 2 * hidden, hidden) + r * gh.narrow(-1, 2 * hidden, hidden)).tanh();
                    return n + z * (h - n); // (1 − z) ⊙ n + z ⊙ h
                }
            default:
                throw new InvalidOperationException($"Recurrence.Step: {kind} needs a cell state; use LstmStep.");
        }
    }

    /// <summary>One LSTM step: x [B, in], (h, c) [B, H] → (h', c').</summary>
    public static (Tensor h, Tensor c) LstmStep(Tensor x, Tensor h, Tensor c, Tensor wih, Tensor whh, Tensor? bih, Tensor? bhh)
    {
        var gates = nn.functional.linear(x, wih, bih) + nn.functional.linear(h, whh, bhh);
        var hidden = h.shape[^1];
        var i = gates.narrow(-1, 0, hidden).sigmoid();
        var f = gates.narrow(-1, hidden, hidden).sigmoid();
        var g = gates.narrow(-1, 2 * hidden, hidden).tanh();
        var o = gates.narrow(-1, 3 * hidden, hidden).sigmoid();
        var cNext = f * c + i * g;
        return (o * cNext.tanh(), cNext);
    }

    public static string Describe(string layer, long inputSize, long hiddenSize) => $"{layer}(input_size={inputSize}, hidden_size={hiddenSize})";

    /// <summary>Checks a cell's input [batch, input_size] or unbatched [input_size] and its state; returns whether the input was batched.</summary>
    public static bool CheckCellInput(string layer, long inputSize, long hiddenSize, Tensor input, string stateName, Tensor? state)
    {
        var who = Describe(layer, inputSize, hiddenSize);
        if (input.Shape.Length is not (1 or 2) || input.Shape[^1] != inputSize)
            throw new ArgumentException(
                $"{who} expects one time step, input [batch, {inputSize}] or unbatched [{inputSize}], but got {Shapes.Format(input.Shape)}" +
                (input.Shape.Length == 3 ? $": a 3-D input is a whole sequence — loop over its steps, or use nn.{layer.Replace("Cell", "")} for the sequence." :
                 input.Shape.Length is 1 or 2 ? $": its last dimension must be {inputSize}." : "."));
        if (!input.IsFloat)
            throw new ArgumentException($"{who} expects a floating point input but got {TypeName(input.dtype)}; convert it with .to(torch.float32).");
        var batched = input.Shape.Length == 2;
        if (state is not null)
        {
            long[] expected = batched ? [input.Shape[0], hiddenSize] : [hiddenSize];
            if (!Shapes.SameShape(state.Shape, expected))
                throw new ArgumentException($"{who}: {stateName} must be {Shapes.Format(expected)} for an input of shape {Shapes.Format(input.Shape)} ([batch, hidden_size]), but got {Shapes.Format(state.Shape)}.");
        }
        return batched;
    }
}

/// <summary>
/// A multi-layer, optionally bidirectional recurrence over a whole sequence (the body of RNN, LSTM and GRU). Parameters are
/// registered on the owner in PyTorch's order: for each layer, for each direction, weight_ih, weight_hh, bias_ih, bias_hh,
/// suffixed _l{layer} and _reverse for the backward direction.
/// </summary>
internal sealed class RecurrentStack
{
    private readonly (Parameter wih, Parameter whh, Parameter? bih, Parameter? bhh)[] cells;

    public RecurrentStack(nn.Module owner, string layer, RecurrenceKind kind, long inputSize, long hiddenSize, long numLayers, bool bias,
        bool batchFirst, double dropout, bool bidirectional, Device? device, ScalarType? dtype)
    {
        Recurrence.CheckSizes(layer, inputSize, hiddenSize, dtype);
        if (numLayers < 1)
            throw new ArgumentException($"{layer}: num_layers must be at least 1, got {numLayers}.");
        if (!(dropout >= 0 && dropout <= 1))
            throw new ArgumentException($"{layer}: dropout is a probability and must be in [0, 1], got {dropout}.");
        Layer = layer;
        Kind = kind;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NumLayers = numLayers;
        Bias = bias;
        BatchFirst = batchFirst;
        Dropout = dropout;
        Bidirectional = bidirectional;
        var directions = bidirectional ? 2 : 1;
        cells = new (Parameter, Parameter, Parameter?, Parameter?)[numLayers * directions];
        for (long l = 0; l < numLayers; l++)
            for (int d = 0; d < directions; d++)
                cells[l * directions + d] = Recurrence.CreateCell(owner, kind, l == 0 ? inputSize : hiddenSize * directions, hiddenSize, bias,
                    $"_l{l}" + (d == 1 ? "_reverse" : ""), device);
        Recurrence.Initialize(owner, hiddenSize);
    }

    public string Layer { get; }
    public RecurrenceKind Kind { get; }
    public long InputSize { get; }
    public long HiddenSize { get; }
    public long NumLayers { get; }
    public bool Bias { get; }
    public bool BatchFirst { get; }
    public double Dropout { get; }
    public bool Bidirectional { get; }
    public int Directions => Bidirectional ? 2 : 1;

    public Parameter WeightIH(long index) => cells[Check(index)].wih;
    public Parameter WeightHH(long index) => cells[Check(index)].whh;
    public Parameter? BiasIH(long index) => cells[Check(index)].bih;
    public Parameter? BiasHH(long index) => cells[Check(index)].bhh;

    private long Check(long index) => index >= 0 && index < cells.Length ? index :
        throw new ArgumentOutOfRangeException(nameof(index), $"{Layer}: index {index} is outside [0, {cells.Length}) (layer × num_directions + direction).");

    private string Who => $"{Layer}(input_size={InputSize}, hidden_size={HiddenSize}, num_layers={NumLayers}, batch_first={(BatchFirst ? "True" : "False")}, bidirectional={(Bidirectional ? "True" : "False")})";

    /// <summary>
    /// Runs the sequence: input [L, N, in] ([N, L, in] batch first) or unbatched [L, in]; h0 (and c0 for the LSTM)
    /// [num_layers·D, N, H] or unbatched [num_layers·D, H], zeros when null. Returns output [L, N, D·H] and h_n (c_n).
    /// </summary>
    public (Tensor output, Tensor hn, Tensor? cn) Forward(Tensor input, Tensor? h0, Tensor? c0, bool training)
    {
        var batchDims = BatchFirst ? "[batch, seq_len, " : "[seq_len, batch, ";
        if (input.Shape.Length is not (2 or 3) || input.Shape[^1] != InputSize)
            throw new ArgumentException(
                $"{Who} expects input {batchDims}{InputSize}] or unbatched [seq_len, {InputSize}], but got {Shapes.Format(input.Shape)}" +
                (input.Shape.Length is 2 or 3 ? $": its last dimension must be input_size = {InputSize}." :
                 input.Shape.Length == 1 ? ": a 1-D input has no time axis — add one with .unsqueeze(0) (and a feature axis if needed)." :
                 $": a {input.Shape.Length}-D input has too many dimensions — reshape it to 3-D."));
        if (!input.IsFloat)
            throw new ArgumentException($"{Who} expects a floating point input but got {TypeName(input.dtype)}; convert it with .to(torch.float32).");
        var batched = input.Shape.Length == 3;
        var x = batched ? (BatchFirst ? input.transpose(0, 1) : input) : input.unsqueeze(1);
        long steps = x.Shape[0], batch = x.Shape[1];
        var states = NumLayers * Directions;
        long[] stateShape = batched ? [states, batch, HiddenSize] : [states, HiddenSize];
        Tensor Initial(Tensor? given, string name)
        {
            if (given is null) return zeros([states, batch, HiddenSize], device: input.device);
            if (!Shapes.SameShape(given.Shape, stateShape))
                throw new ArgumentException(
                    $"{Who}: {name} must be {Shapes.Format(stateShape)} ([num_layers * num_directions, {(batched ? "batch, " : "")}hidden_size]) for an input of shape {Shapes.Format(input.Shape)}, but got {Shapes.Format(given.Shape)}" +
                    (batched && BatchFirst ? "; batch_first does not apply to the hidden state." : "."));
            return batched ? given : given.unsqueeze(1);
        }
        var h = Initial(h0, Kind == RecurrenceKind.LSTM ? "h0 (the first of h0_c0)" : "h0");
        var c = Kind == RecurrenceKind.LSTM ? Initial(c0, "c0 (the second of h0_c0)") : null;
        if (steps == 0) throw new ArgumentException($"{Who}: the input sequence is empty (seq_len = 0).");

        var sequence = Enumerable.Range(0, (int)steps).Select(t => x.select(0, t)).ToArray();
        var hn = new Tensor[states];
        var cn = new Tensor[states];
        for (long l = 0; l < NumLayers; l++)
        {
            if (l > 0 && Dropout > 0 && training)
                sequence = sequence.Select(s => nn.functional.dropout(s, Dropout, true)).ToArray();
            var outputs = new Tensor[Directions][];
            for (int d = 0; d < Directions; d++)
            {
                var index = l * Directions + d;
                var (wih, whh, bih, bhh) = cells[index];
                var ht = h.select(0, index);
                var ct = c?.select(0, index);
                var result = new Tensor[steps];
                for (long k = 0; k < steps; k++)
                {
                    var t = d == 0 ? k : steps - 1 - k;
                    if (ct is not null) (ht, ct) = Recurrence.LstmStep(sequence[t], ht, ct, wih, whh, bih, bhh);
                    else ht = Recurrence.Step(Kind, sequence[t], ht, wih, whh, bih, bhh);
                    result[t] = ht;
                }
                outputs[d] = result;
                hn[index] = ht;
                if (ct is not null) cn[index] = ct;
            }
            sequence = Directions == 1 ? outputs[0] : Enumerable.Range(0, (int)steps).Select(t => cat([outputs[0][t], outputs[1][t]], 1)).ToArray();
        }
        var output = stack(sequence, 0);
        var hN = stack(hn, 0);
        var cN = c is null ? null : stack(cn, 0);
        if (!batched) return (output.squeeze(1), hN.squeeze(1), cN?.squeeze(1));
        return (BatchFirst ? output.transpose(0, 1) : output, hN, cN);
    }

    /// <summary>PyTorch's RNNBase.extra_repr: sizes, then only the options that differ from their defaults.</summary>
    public string ExtraRepr()
    {
        var s = $"{InputSize}, {HiddenSize}";
        if (NumLayers != 1) s += $", num_layers={NumLayers}";
        if (!Bias) s += ", bias=False";
        if (BatchFirst) s += ", batch_first=True";
        if (Dropout != 0) s += $", dropout={nn.Module.PyRepr(Dropout)}";
        if (Bidirectional) s += ", bidirectional=True";
        return s;
    }
}
