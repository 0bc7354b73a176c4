namespace NotebookDL.TorchSharp.Tests.Differential;

public class OpDifferentialTests
{
    public OpDifferentialTests() => Engines.EnsureLoaded();

    public static TheoryData<string> Names() => [.. OpCases.All.Select(c => c.Name)];

    [Theory, MemberData(nameof(Names))]
    public void Op_RandomInputs_MatchesLibTorch(string name)
    {
        int seed = Array.FindIndex(OpCases.All, c => c.Name == name);
        var c = OpCases.All[seed];
        var data = c.Inputs.Select((input, i) => Engines.Data(1000 * seed + i, input.Shape, input.Kind)).ToArray();
        var managed = c.Inputs.Select((input, i) => Engines.Managed(data[i], input.Shape, input.Grad)).ToArray();
        var torch = c.Inputs.Select((input, i) => Engines.Torch(data[i], input.Shape, input.Grad)).ToArray();

        var m = c.Managed(managed);
        var t = c.Torch(torch);
        Engines.AssertClose($"{name} forward", m, t, c.Rtol, c.Atol);
        if (!m.requires_grad)
            return;

        // Back-propagate a random weighting of the output, so every output element's gradient path is exercised.
        var w = Engines.Data(1000 * seed + 999, m.shape);
        (m * Engines.Managed(w, m.shape)).sum().backward();
        (t * Engines.Torch(w, t.shape)).sum().backward();
        for (int i = 0; i < managed.Length; i++)
        {
            if (c.Inputs[i].Grad)
                Engines.AssertClose($"{name} grad of input {i}", managed[i].grad!, torch[i].grad!, Math.Max(c.Rtol, 1e-5), Math.Max(c.Atol, 1e-5));
        }
    }
}
