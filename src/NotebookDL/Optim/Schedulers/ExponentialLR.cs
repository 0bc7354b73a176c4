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
                /// Multiplies each group's learning rate by gamma every epoch (PyTorch 1.13 ExponentialLR):
                /// lr(epoch) = lr(epoch − 1)·gamma for epoch &gt; 0. Closed form: base_lr·gamma^epoch.
                /// </summary>
                public class ExponentialLR : LRScheduler
                {
                    private readonly double _gamma;

                    public ExponentialLR(Optimizer optimizer, double gamma = 0.1, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        _gamma = gamma;
                        step();
                    }

                    protected override IEnumerable<double> get_lr()
                    {
                        var lrs = CurrentLrs();
                        return _last_epoch == 0 ? lrs : lrs.Select(lr => lr * _gamma);
                    }

                    protected override IEnumerable<double> get_closed_form_lr() =>
                        _base_lrs.Select(lr => lr * Math.Pow(_gamma, _last_epoch));
                }
            }
        }
    }
}
