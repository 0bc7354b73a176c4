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
                /// Multiplies each group's learning rate by gamma at every milestone epoch (PyTorch 1.13
                /// MultiStepLR); a milestone listed k times multiplies by gamma^k. Closed form:
                /// base_lr·gamma^(number of milestones ≤ epoch).
                /// </summary>
                public class MultiStepLR : LRScheduler
                {
                    private readonly Dictionary<int, int> _milestones = [];
                    private readonly int[] _sorted;
                    private readonly double _gamma;

                    public MultiStepLR(Optimizer optimizer, IList<int> milestones, double gamma = 0.1, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        ArgumentNullException.ThrowIfNull(milestones);
                        foreach (var m in milestones) _milestones[m] = _milestones.GetValueOrDefault(m) + 1;
                        _sorted = milestones.Order().ToArray();
                        _gamma = gamma;
                        step();
                    }

                    protected override IEnumerable<double> get_lr()
                    {
                        var lrs = CurrentLrs();
                        if (!_milestones.TryGetValue(_last_epoch, out var count)) return lrs;
                        return lrs.Select(lr => lr * Math.Pow(_gamma, count));
                    }

                    protected override IEnumerable<double> get_closed_form_lr()
                    {
                        var passed = _sorted.Count(m => m <= _last_epoch);
                        return _base_lrs.Select(lr => lr * Math.Pow(_gamma, passed));
                    }
                }
            }
        }
    }
}
