namespace NotebookDL;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            public static partial class impl
            {
                /// <summary>
                /// Multiplies each group's learning rate by gamma every step_size epochs (PyTorch 1.13 StepLR):
                /// lr(epoch) = lr(epoch − 1)·gamma when epoch &gt; 0 and epoch mod step_size = 0, else unchanged.
                /// Closed form: base_lr·gamma^⌊epoch / step_size⌋.
                /// </summary>
                public class StepLR : LRScheduler
                {
                    private readonly int _step_size;
                    private readonly double _gamma;

                    public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        if (step_size <= 0) throw new ArgumentException($"StepLR: step_size must be a positive number of epochs, but got {step_size}.");
                        _step_size = step_size;
                        _gamma = gamma;
                        step();
                    }

                    protected override IEnumerable<double> get_lr()
                    {
                        var lrs = CurrentLrs();
                        if (_last_epoch == 0 || _last_epoch % _step_size != 0) return lrs;
                        return lrs.Select(lr => lr * _gamma);
                    }

                    protected override IEnumerable<double> get_closed_form_lr() =>
                        _base_lrs.Select(lr => lr * Math.Pow(_gamma, Math.Floor((double)_last_epoch / _step_size)));
                }
            }
        }
    }
}
