namespace NotebookDL.Display;

public static partial class Notebook
{
    /// <summary>
    /// Paths of SGD, Momentum, Nesterov, Adagrad, RMSProp and Adam (or the given optimizers) on a 2-D loss surface,
    /// side by side over its contours. The loss takes the two coordinates as tensors and must be element-wise;
    /// the default is the ill-conditioned bowl 0.1·x² + 2·y² started at (−5, −2).
    /// </summary>
    public static Figure plot_optimizer_trajectories(Func<Tensor, Tensor, Tensor>? loss = null, double x0 = -5, double y0 = -2, int steps = 20,
        IEnumerable<OptimizerChoice>? optimizers = null, AxisRange? xrange = null, AxisRange? yrange = null, string? title = null) =>
        OptimizerTrajectories.Build(loss, (x0, y0), steps, (optimizers ?? OptimizerChoice.Defaults).ToList(), xrange, yrange, title);
}
