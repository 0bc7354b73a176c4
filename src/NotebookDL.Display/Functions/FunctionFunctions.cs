namespace NotebookDL.Display;

public static partial class Notebook
{
    /// <summary>
    /// Plots functions over [min, max] and, beside them, their derivatives computed by autograd, e.g.
    /// plot_functions(Activations.all) or plot_functions([Activations.neg_log], 0.01, 1).
    /// </summary>
    public static Figure plot_functions(IEnumerable<NamedFunction> functions, double min = -5, double max = 5, bool derivatives = true, int points = 401,
        string? title = null, AxisRange? ylim = null, AxisRange? dylim = null, string xlabel = "x") =>
        FunctionPlot.Build(functions.ToList(), min, max, derivatives, points, title, ylim, dylim, xlabel);

    public static Figure plot_functions(params NamedFunction[] functions) => plot_functions(functions, -5, 5);

    /// <summary>
    /// The decision boundary of a 2-input classifier over the data's range (TensorFlow Playground style):
    /// the model's output as background, the 0.5 boundary, and the points of <paramref name="x"/> [N, 2]
    /// coloured by their label <paramref name="y"/>. The model runs in eval mode; its mode is restored.
    /// </summary>
    public static Figure plot_decision_boundary(torch.nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, IReadOnlyList<string>? class_names = null,
        string? title = null, int resolution = 120)
    {
        using var _ = new EvalScope(model);
        var device = model.parameters().FirstOrDefault()?.device; // the grid is made on the CPU; a TorchSharp model may live on a GPU
        return DecisionBoundary.Build(grid => model.call(device is null ? grid : grid.to(device)), x, y, class_names, title, resolution);
    }

    /// <summary>The decision boundary of any function from [N, 2] inputs to outputs (a hand-made perceptron, say).</summary>
    public static Figure plot_decision_boundary(Func<Tensor, Tensor> predict, Tensor x, Tensor y, IReadOnlyList<string>? class_names = null,
        string? title = null, int resolution = 120)
    {
        using var _ = torch.no_grad();
        return DecisionBoundary.Build(predict, x, y, class_names, title, resolution);
    }
}
