using NotebookDL.Modules;
using static NotebookDL.torch;

namespace NotebookDL.Tests.NN;

/// <summary>
/// RNN, LSTM, GRU and their cells: gradients by finite differences, PyTorch's parameter names, shapes and init, the gate
/// equations against a hand computation, sequence layers against their unrolled cells, and clear shape errors.
/// Values against libtorch are in NotebookDL.TorchSharp.Tests (RecurrentDifferentialTests).
/// </summary>
[Collection(SeededCollection.Name)]
public class RecurrentLayerTests
{
    public static TheoryData<string> Layers() =>
    [
        "RNN", "RNNReLU", "RNNNoBias", "RNNTwoLayersBidirectional", "LSTM", "LSTMBatchFirstBidirectional", "LSTMTwoLayers",
        "GRU", "GRUTwoLayersBidirectionalBatchFirst", "RNNUnbatched",
    ];

    [Theory]
    [MemberData(nameof(Layers))]
    public void GradCheck_SequenceLayer_AnalyticalMatchesNumerical(string layer)
    {
        manual_seed(11);
        var (input, state, cell, f) = BuildSequence(layer);
        var inputs = new List<Tensor> { input.requires_grad_() };
        if (state is not null) inputs.Add(state.requires_grad_());
        if (cell is not null) inputs.Add(cell.requires_grad_());
        var parameters = f.module.parameters().ToArray();
        inputs.AddRange(parameters);
        Assert.True(autograd.gradcheck(xs => f.run(xs[0], state is null ? null : xs[1], cell is null ? null : xs[2]), inputs.ToArray()));
    }

    private static (Tensor input, Tensor? h0, Tensor? c0, (nn.Module module, Func<Tensor, Tensor?, Tensor?, Tensor> run) f) BuildSequence(string layer)
    {
        // output, h_n (and c_n) flattened into one vector: gradcheck projects it in float64, so every output's gradient is checked
        // without the rounding of a float32 sum.
        static Tensor Mix(params Tensor[] outputs) => cat(outputs.Select(o => o.flatten()).ToList());
        Func<Tensor, Tensor?, Tensor?, Tensor> Rnn(RNN m) => (x, h, _) => { var (o, hn) = m.call(x, h); return Mix(o, hn); };
        Func<Tensor, Tensor?, Tensor?, Tensor> Gru(GRU m) => (x, h, _) => { var (o, hn) = m.call(x, h); return Mix(o, hn); };
        Func<Tensor, Tensor?, Tensor?, Tensor> Lstm(LSTM m) => (x, h, c) => { var (o, hn, cn) = m.call(x, h is null ? null : (h, c!)); return Mix(o, hn, cn); };
        switch (layer)
        {
            case "RNN": { var m = nn.RNN(3, 4); return (randn(5, 2, 3), randn(1, 2, 4), null, (m, Rnn(m))); }
            case "RNNReLU": { var m = nn.RNN(3, 4, nonLinearity: nn.NonLinearities.ReLU); return (randn(4, 2, 3), null, null, (m, Rnn(m))); }
            case "RNNNoBias": { var m = nn.RNN(3, 4, bias: false); return (randn(4, 2, 3), null, null, (m, Rnn(m))); }
            case "RNNTwoLayersBidirectional": { var m = nn.RNN(3, 2, numLayers: 2, bidirectional: true); return (randn(3, 2, 3), randn(4, 2, 2), null, (m, Rnn(m))); }
            case "RNNUnbatched": { var m = nn.RNN(3, 4, numLayers: 2); return (randn(4, 3), randn(2, 4), null, (m, Rnn(m))); }
            case "LSTM": { var m = nn.LSTM(3, 4); return (randn(4, 2, 3), randn(1, 2, 4), randn(1, 2, 4), (m, Lstm(m))); }
            case "LSTMBatchFirstBidirectional": { var m = nn.LSTM(3, 2, batchFirst: true, bidirectional: true); return (randn(2, 4, 3), randn(2, 2, 2), randn(2, 2, 2), (m, Lstm(m))); }
            case "LSTMTwoLayers": { var m = nn.LSTM(2, 3, numLayers: 2); return (randn(3, 2, 2), null, null, (m, Lstm(m))); }
            case "GRU": { var m = nn.GRU(3, 4); return (randn(4, 2, 3), randn(1, 2, 4), null, (m, Gru(m))); }
            case "GRUTwoLayersBidirectionalBatchFirst": { var m = nn.GRU(3, 2, numLayers: 2, batchFirst: true, bidirectional: true); return (randn(2, 3, 3), randn(4, 2, 2), null, (m, Gru(m))); }
            default: throw new ArgumentException(layer);
        }
    }

    public static TheoryData<string> Cells() => ["RNNCell", "RNNCellReLU", "LSTMCell", "GRUCell", "GRUCellNoBias", "LSTMCellUnbatched"];

    [Theory]
    [MemberData(nameof(Cells))]
    public void GradCheck_Cell_AnalyticalMatchesNumerical(string layer)
    {
        manual_seed(13);
        var unbatched = layer.EndsWith("Unbatched");
        var x = unbatched ? randn(3) : randn(2, 3);
        var h = unbatched ? randn(4) : randn(2, 4);
        var c = unbatched ? randn(4) : randn(2, 4);
        nn.Module module;
        Func<Tensor[], Tensor> f;
        switch (layer)
        {
            case "RNNCell": { var m = nn.RNNCell(3, 4); module = m; f = xs => m.call(xs[0], xs[1]).sum(); break; }
            case "RNNCellReLU": { var m = nn.RNNCell(3, 4, nn.NonLinearities.ReLU); module = m; f = xs => m.call(xs[0], xs[1]).sum(); break; }
            case "GRUCell": { var m = nn.GRUCell(3, 4); module = m; f = xs => m.call(xs[0], xs[1]).sum(); break; }
            case "GRUCellNoBias": { var m = nn.GRUCell(3, 4, bias: false); module = m; f = xs => m.call(xs[0], xs[1]).sum(); break; }
            default: { var m = nn.LSTMCell(3, 4); module = m; f = xs => { var (h1, c1) = m.call(xs[0], (xs[1], xs[2])); return h1.sum() + 2 * c1.sum(); }; break; }
        }
        Tensor[] inputs = [x.requires_grad_(), h.requires_grad_(), c.requires_grad_(), .. module.parameters()];
        Assert.True(autograd.gradcheck(f, inputs));
    }

    [Fact]
    public void NamedParameters_TwoLayerBidirectionalLstm_PyTorchNamesOrderAndShapes()
    {
        var lstm = nn.LSTM(10, 20, numLayers: 2, bidirectional: true);
        var expected = new (string, long[])[]
        {
            ("weight_ih_l0", [80, 10]), ("weight_hh_l0", [80, 20]), ("bias_ih_l0", [80]), ("bias_hh_l0", [80]),
            ("weight_ih_l0_reverse", [80, 10]), ("weight_hh_l0_reverse", [80, 20]), ("bias_ih_l0_reverse", [80]), ("bias_hh_l0_reverse", [80]),
            ("weight_ih_l1", [80, 40]), ("weight_hh_l1", [80, 20]), ("bias_ih_l1", [80]), ("bias_hh_l1", [80]),
            ("weight_ih_l1_reverse", [80, 40]), ("weight_hh_l1_reverse", [80, 20]), ("bias_ih_l1_reverse", [80]), ("bias_hh_l1_reverse", [80]),
        };
        var actual = lstm.named_parameters().Select(p => (p.name, p.parameter.shape)).ToArray();
        Assert.Equal(expected.Select(e => e.Item1), actual.Select(a => a.name));
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i].Item2, actual[i].shape);
    }

    [Fact]
    public void NamedParameters_CellsAndNoBias_PyTorchNames()
    {
        Assert.Equal(["weight_ih", "weight_hh", "bias_ih", "bias_hh"], nn.GRUCell(3, 5).named_parameters().Select(p => p.name));
        Assert.Equal([15L, 3], nn.GRUCell(3, 5).weight_ih.shape);
        Assert.Equal([20L, 5], nn.LSTMCell(3, 5).weight_hh.shape);
        Assert.Equal(["weight_ih", "weight_hh"], nn.RNNCell(3, 5, bias: false).named_parameters().Select(p => p.name));
        Assert.Equal(["weight_ih_l0", "weight_hh_l0", "weight_ih_l1", "weight_hh_l1"], nn.GRU(3, 5, numLayers: 2, bias: false).named_parameters().Select(p => p.name));
        // parameter counts as in PyTorch: 4·(H·in + H·H + 2H) for a one-layer LSTM
        Assert.Equal(4 * (20 * 10 + 20 * 20 + 2 * 20), nn.LSTM(10, 20).parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Init_AllParameters_UniformWithinOneOverSqrtHidden()
    {
        manual_seed(0);
        foreach (var m in new nn.Module[] { nn.RNN(7, 16, numLayers: 2), nn.LSTM(7, 16, bidirectional: true), nn.GRU(7, 16), nn.LSTMCell(7, 16), nn.GRUCell(7, 16), nn.RNNCell(7, 16) })
        {
            var all = cat(m.parameters().Select(p => p.detach().flatten()).ToList());
            Assert.True(all.abs().max().item<float>() <= 0.25f);
            Assert.True(all.abs().max().item<float>() > 0.24f, $"{m.GetName()} should fill the whole range ±1/√16");
            Assert.InRange(all.mean().item<float>(), -0.02f, 0.02f);
        }
    }

    [Fact]
    public void Forward_ReturnsPyTorchShapes()
    {
        var x = randn(5, 3, 10);
        var (o1, h1) = nn.RNN(10, 20, numLayers: 2).call(x);
        Assert.Equal([5L, 3, 20], o1.shape);
        Assert.Equal([2L, 3, 20], h1.shape);
        var (o2, h2, c2) = nn.LSTM(10, 20, numLayers: 2, bidirectional: true).call(x);
        Assert.Equal([5L, 3, 40], o2.shape);
        Assert.Equal([4L, 3, 20], h2.shape);
        Assert.Equal([4L, 3, 20], c2.shape);
        var (o3, h3) = nn.GRU(10, 20, batchFirst: true).call(randn(3, 5, 10));
        Assert.Equal([3L, 5, 20], o3.shape);
        Assert.Equal([1L, 3, 20], h3.shape);
        var (o4, h4, c4) = nn.LSTM(10, 20).call(randn(5, 10));
        Assert.Equal([5L, 20], o4.shape);
        Assert.Equal([1L, 20], h4.shape);
        Assert.Equal([1L, 20], c4.shape);
        Assert.Equal([3L, 20], nn.GRUCell(10, 20).call(randn(3, 10)).shape);
        Assert.Equal([20L], nn.RNNCell(10, 20).call(randn(10)).shape);
    }

    [Fact]
    public void Forward_LstmCell_MatchesHandComputedGates()
    {
        // One input, one hidden unit: every gate is a scalar, so the equations can be evaluated by hand.
        var cell = nn.LSTMCell(1, 1);
        using (no_grad())
        {
            cell.weight_ih.copy_(tensor(new float[] { 0.5f, -0.25f, 1.0f, 0.75f }, [4, 1]));   // i, f, g, o
            cell.weight_hh.copy_(tensor(new float[] { 0.1f, 0.2f, -0.3f, 0.4f }, [4, 1]));
            cell.bias_ih!.copy_(tensor(new float[] { 0.0f, 1.0f, 0.0f, -0.5f }));
            cell.bias_hh!.copy_(tensor(new float[] { 0.05f, 0.0f, 0.1f, 0.0f }));
        }
        double x = 2, h = -1, c = 0.5;
        static double S(double v) => 1 / (1 + Math.Exp(-v));
        var i = S(0.5 * x + 0.1 * h + 0.05);
        var f = S(-0.25 * x + 0.2 * h + 1.0);
        var g = Math.Tanh(1.0 * x - 0.3 * h + 0.1);
        var o = S(0.75 * x + 0.4 * h - 0.5);
        var c1 = f * c + i * g;
        var h1 = o * Math.Tanh(c1);
        var (hOut, cOut) = cell.call(tensor(new float[] { (float)x }, [1, 1]), (tensor(new float[] { (float)h }, [1, 1]), tensor(new float[] { (float)c }, [1, 1])));
        Assert.Equal(h1, hOut.item<float>(), 5);
        Assert.Equal(c1, cOut.item<float>(), 5);
    }

    [Fact]
    public void Forward_GruCell_MatchesHandComputedGates()
    {
        var cell = nn.GRUCell(1, 1);
        using (no_grad())
        {
            cell.weight_ih.copy_(tensor(new float[] { 0.5f, -0.25f, 1.0f }, [3, 1]));   // r, z, n
            cell.weight_hh.copy_(tensor(new float[] { 0.1f, 0.2f, -0.3f }, [3, 1]));
            cell.bias_ih!.copy_(tensor(new float[] { 0.0f, 1.0f, 0.2f }));
            cell.bias_hh!.copy_(tensor(new float[] { 0.05f, 0.0f, 0.4f }));
        }
        double x = 2, h = -1;
        static double S(double v) => 1 / (1 + Math.Exp(-v));
        var r = S(0.5 * x + 0.1 * h + 0.05);
        var z = S(-0.25 * x + 0.2 * h + 1.0);
        var n = Math.Tanh(1.0 * x + 0.2 + r * (-0.3 * h + 0.4)); // b_hn inside the reset gate's product
        var expected = (1 - z) * n + z * h;
        Assert.Equal(expected, cell.call(tensor(new float[] { (float)x }, [1, 1]), tensor(new float[] { (float)h }, [1, 1])).item<float>(), 5);
    }

    [Fact]
    public void Forward_Sequence_EqualsUnrolledCell()
    {
        manual_seed(5);
        var gru = nn.GRU(3, 4);
        var cell = nn.GRUCell(3, 4);
        using (no_grad())
        {
            cell.weight_ih.copy_(gru.get_parameter("weight_ih_l0")!);
            cell.weight_hh.copy_(gru.get_parameter("weight_hh_l0")!);
            cell.bias_ih!.copy_(gru.get_parameter("bias_ih_l0")!);
            cell.bias_hh!.copy_(gru.get_parameter("bias_hh_l0")!);
        }
        var x = randn(6, 2, 3);
        var (output, hn) = gru.call(x);
        var h = zeros(2, 4);
        for (int t = 0; t < 6; t++)
        {
            h = cell.call(x[t], h);
            Assert.True(allclose(output[t], h, 1e-6, 1e-6));
        }
        Assert.True(allclose(hn[0], h, 1e-6, 1e-6));
    }

    [Fact]
    public void Forward_BidirectionalBatchFirst_ReverseHalfReadsSequenceBackwards()
    {
        manual_seed(6);
        var lstm = nn.LSTM(3, 4, batchFirst: true, bidirectional: true);
        var x = randn(2, 5, 3);
        var (output, hn, _) = lstm.call(x);
        // forward half ends at the last step, the reverse half at the first
        Assert.True(allclose(output[.., -1, ..4], hn[0], 1e-6, 1e-6));
        Assert.True(allclose(output[.., 0, 4..], hn[1], 1e-6, 1e-6));
        // the unbatched call gives the batch's first row
        var (single, _, _) = lstm.call(x[0]);
        Assert.True(allclose(single, output[0], 1e-6, 1e-6));
    }

    [Fact]
    public void Forward_Dropout_OnlyBetweenLayersAndOnlyInTraining()
    {
        manual_seed(8);
        var rnn = nn.RNN(3, 8, numLayers: 2, dropout: 0.5);
        var x = randn(4, 2, 3);
        var (a, _) = rnn.call(x);
        var (b, _) = rnn.call(x);
        Assert.False(allclose(a, b));
        rnn.eval();
        var (c, _) = rnn.call(x);
        var (d, _) = rnn.call(x);
        Assert.True(allclose(c, d, 0, 0));
        // one layer: dropout has nothing to act on (PyTorch warns), so training and eval agree
        var single = nn.GRU(3, 8, dropout: 0.5);
        var (e, _) = single.call(x);
        single.eval();
        var (g, _) = single.call(x);
        Assert.True(allclose(e, g, 0, 0));
    }

    public static TheoryData<string, string> ShapeMistakes() => new()
    {
        { "LSTM wrong features", "LSTM(input_size=10, hidden_size=20, num_layers=1, batch_first=False, bidirectional=False) expects input [seq_len, batch, 10] or unbatched [seq_len, 10], but got [5, 3, 7]: its last dimension must be input_size = 10." },
        { "GRU batch first", "GRU(input_size=10, hidden_size=20, num_layers=1, batch_first=True, bidirectional=False) expects input [batch, seq_len, 10]" },
        { "RNN 1-D", "but got [10]: a 1-D input has no time axis — add one with .unsqueeze(0)" },
        { "RNN 4-D", "but got [2, 5, 3, 10]: a 4-D input has too many dimensions" },
        { "RNN bad h0", "RNN(input_size=10, hidden_size=20, num_layers=2, batch_first=False, bidirectional=True): h0 must be [4, 3, 20] ([num_layers * num_directions, batch, hidden_size]) for an input of shape [5, 3, 10], but got [2, 3, 20]." },
        { "LSTM bad c0 batch first", "c0 (the second of h0_c0) must be [1, 3, 20] ([num_layers * num_directions, batch, hidden_size]) for an input of shape [3, 5, 10], but got [3, 1, 20]; batch_first does not apply to the hidden state." },
        { "Cell given sequence", "LSTMCell(input_size=10, hidden_size=20) expects one time step, input [batch, 10] or unbatched [10], but got [5, 3, 10]: a 3-D input is a whole sequence — loop over its steps, or use nn.LSTM for the sequence." },
        { "Cell bad h0", "GRUCell(input_size=10, hidden_size=20): h0 must be [3, 20] for an input of shape [3, 10] ([batch, hidden_size]), but got [1, 3, 20]." },
        { "RNN int input", "expects a floating point input but got torch.int64" },
    };

    [Theory]
    [MemberData(nameof(ShapeMistakes))]
    public void Forward_BadShape_NamesLayerShapesAndFix(string mistake, string expected)
    {
        Action act = mistake switch
        {
            "LSTM wrong features" => () => nn.LSTM(10, 20).call(randn(5, 3, 7)),
            "GRU batch first" => () => nn.GRU(10, 20, batchFirst: true).call(randn(3, 5, 7)),
            "RNN 1-D" => () => nn.RNN(10, 20).call(randn(10)),
            "RNN 4-D" => () => nn.RNN(10, 20).call(randn(2, 5, 3, 10)),
            "RNN bad h0" => () => nn.RNN(10, 20, numLayers: 2, bidirectional: true).call(randn(5, 3, 10), randn(2, 3, 20)),
            "LSTM bad c0 batch first" => () => nn.LSTM(10, 20, batchFirst: true).call(randn(3, 5, 10), (zeros(1, 3, 20), zeros(3, 1, 20))),
            "Cell given sequence" => () => nn.LSTMCell(10, 20).call(randn(5, 3, 10)),
            "Cell bad h0" => () => nn.GRUCell(10, 20).call(randn(3, 10), randn(1, 3, 20)),
            _ => () => nn.RNN(3, 2).call(ones(new long[] { 2, 1, 3 }, ScalarType.Int64)),
        };
        Assert.Contains(expected, Assert.Throws<ArgumentException>(act).Message);
    }

    [Fact]
    public void Constructor_InvalidArguments_Rejected()
    {
        Assert.Contains("num_layers must be at least 1, got 0", Assert.Throws<ArgumentException>(() => nn.LSTM(3, 4, numLayers: 0)).Message);
        Assert.Contains("input_size and hidden_size must be positive", Assert.Throws<ArgumentException>(() => nn.GRU(3, 0)).Message);
        Assert.Contains("dropout is a probability and must be in [0, 1], got 1.5", Assert.Throws<ArgumentException>(() => nn.RNN(3, 4, dropout: 1.5)).Message);
        Assert.Contains("weight_ih must be [12, 3], got [4, 3]", Assert.Throws<ArgumentException>(() => nn.GRUCell(3, 4).weight_ih = new Parameter(zeros(4, 3))).Message);
    }

    [Fact]
    public void ToString_RecurrentLayers_MatchPyTorchRepr()
    {
        Assert.Equal("LSTM(10, 20)", nn.LSTM(10, 20).ToString());
        Assert.Equal("GRU(10, 20, num_layers=2, bias=False, batch_first=True, dropout=0.5, bidirectional=True)",
            nn.GRU(10, 20, numLayers: 2, bias: false, batchFirst: true, dropout: 0.5, bidirectional: true).ToString());
        Assert.Equal("RNN(3, 4)", nn.RNN(3, 4, nonLinearity: nn.NonLinearities.ReLU).ToString());
        Assert.Equal("RNNCell(3, 4, nonlinearity=relu)", nn.RNNCell(3, 4, nn.NonLinearities.ReLU).ToString());
        Assert.Equal("LSTMCell(3, 4, bias=False)", nn.LSTMCell(3, 4, bias: false).ToString());
        Assert.Equal("GRUCell(3, 4)", nn.GRUCell(3, 4).ToString());
    }

    [Fact]
    public void Training_LstmInCustomModule_LearnsToEchoFirstInput()
    {
        // A sequence classifier: the label is the sign of the FIRST step, so the memory must carry it to the end.
        manual_seed(1);
        var model = new EchoFirst();
        var optimizer = optim.Adam(model.parameters(), lr: 0.02);
        var x = randn(64, 8, 1);
        var y = (x[.., 0, 0] > 0).to(ScalarType.Int64);
        var lossFn = nn.CrossEntropyLoss();
        float loss = 0;
        for (int step = 0; step < 150; step++)
        {
            optimizer.zero_grad();
            var l = lossFn.call(model.call(x), y);
            l.backward();
            optimizer.step();
            loss = l.item<float>();
        }
        Assert.True(loss < 0.1, $"loss {loss}");
        Assert.Contains("(lstm): LSTM(1, 8, batch_first=True)", model.ToString());
        Assert.Equal(4 * (8 * 1 + 8 * 8 + 2 * 8) + 8 * 2 + 2, model.parameters().Sum(p => p.numel()));
    }

    private sealed class EchoFirst : nn.Module<Tensor, Tensor>
    {
        private readonly LSTM lstm = nn.LSTM(1, 8, batchFirst: true);
        private readonly Linear head = nn.Linear(8, 2);

        public EchoFirst() : base(nameof(EchoFirst)) => RegisterComponents();

        public override Tensor forward(Tensor input)
        {
            var (_, hn, _) = lstm.call(input);
            return head.call(hn[-1]);
        }
    }
}
