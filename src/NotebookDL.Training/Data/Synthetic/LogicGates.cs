namespace NotebookDL;

public static partial class synthetic
{
    /// <summary>
    /// The truth table of a two-input logic gate: x float [4, 2] = (0,0), (0,1), (1,0), (1,1) and y int64 [4] the
    /// gate's output. Gates: AND, OR, NAND, NOR, XOR, XNOR (any case). XOR is the classic set a single perceptron
    /// cannot separate.
    /// </summary>
    /// <example><code>var (x, y) = synthetic.logic_gate("XOR");   // y = [0, 1, 1, 0]</code></example>
    public static (torch.Tensor x, torch.Tensor y) logic_gate(string gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        Func<bool, bool, bool> truth = gate.Trim().ToUpperInvariant() switch
        {
            "AND" => (a, b) => a && b,
            "OR" => (a, b) => a || b,
            "NAND" => (a, b) => !(a && b),
            "NOR" => (a, b) => !(a || b),
            "XOR" => (a, b) => a ^ b,
            "XNOR" => (a, b) => a == b,
            _ => throw new ArgumentException($"logic_gate: unknown gate '{gate}'; choose one of AND, OR, NAND, NOR, XOR, XNOR.", nameof(gate)),
        };
        var x = new float[8];
        var y = new long[4];
        for (int i = 0; i < 4; i++)
        {
            bool a = i >= 2, b = i % 2 == 1;
            x[2 * i] = a ? 1 : 0;
            x[2 * i + 1] = b ? 1 : 0;
            y[i] = truth(a, b) ? 1 : 0;
        }
        return (torch.tensor(x, [4, 2]), torch.tensor(y, [4]));
    }
}
