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
                /// Cosine annealing from the base rate to eta_min over T_max epochs (PyTorch 1.13
                /// CosineAnnealingLR), in PyTorch's recursive form, which keeps going past T_max (the rate
                /// climbs back up over the next T_max epochs, and so on):
                /// <code>
                /// epoch 0:                               lr unchanged
                /// (epoch − 1 − T_max) mod 2·T_max = 0:   lr + (base_lr − eta_min)·(1 − cos(π / T_max)) / 2
                /// otherwise:                             eta_min + (lr − eta_min)·(1 + cos(π·epoch / T_max)) / (1 + cos(π·(epoch − 1) / T_max))
                /// </code>
                /// Closed form (step(epoch)): eta_min + (base_lr − eta_min)·(1 + cos(π·epoch / T_max)) / 2.
                /// </summary>
                public class CosineAnnealingLR : LRScheduler
                {
                    private readonly double _T_max;
                    private readonly double _eta_min;

                    public CosineAnnealingLR(Optimizer optimizer, double T_max, double eta_min = 0, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        if (!(T_max > 0)) throw new ArgumentException($"CosineAnnealingLR: T_max must be > 0, but got {T_max}.");
                        _T_max = T_max;
                        _eta_min = eta_min;
                        step();
                    }

                    protected override IEnumerable<double> get_lr()
                    {
                        var lrs = CurrentLrs();
                        if (_last_epoch == 0) return lrs;
                        if (_step_count == 1 && _last_epoch > 0) return get_closed_form_lr();
                        if (PythonMod(_last_epoch - 1 - _T_max, 2 * _T_max) == 0)
                            return lrs.Select((lr, i) => lr + (_base_lrs[i] - _eta_min) * (1 - Math.Cos(Math.PI / _T_max)) / 2);
                        return lrs.Select(lr =>
                            (1 + Math.Cos(Math.PI * _last_epoch / _T_max)) / (1 + Math.Cos(Math.PI * (_last_epoch - 1) / _T_max)) * (lr - _eta_min) + _eta_min);
                    }

                    protected override IEnumerable<double> get_closed_form_lr() =>
                        _base_lrs.Select(lr => _eta_min + (lr - _eta_min) * (1 + Math.Cos(Math.PI * _last_epoch / _T_max)) / 2);

                    // Python's %, whose result takes the divisor's sign: the test must see epochs before T_max as non-zero.
                    private static double PythonMod(double a, double b) => a - b * Math.Floor(a / b);
                }
            }
        }
    }
}
