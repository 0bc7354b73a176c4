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
                /// Cuts the learning rate when a metric stops improving (PyTorch 1.13 ReduceLROnPlateau); step it
                /// with the metric, step(double metric). A value is an improvement when it beats the best so far by
                /// the threshold (mode min/max × threshold_mode rel/abs: a &lt; best·(1 − threshold),
                /// a &lt; best − threshold, a &gt; best·(1 + threshold), a &gt; best + threshold). After more than
                /// patience epochs without improvement every group's lr becomes max(lr·factor, min_lr) (changes
                /// smaller than eps are skipped) and the next cooldown epochs count as neither good nor bad.
                /// min_lr holds one floor per parameter group, or a single value for all of them (PyTorch's scalar).
                /// </summary>
                public class ReduceLROnPlateau : LRScheduler
                {
                    private readonly bool _max_mode;
                    private readonly bool _relative;
                    private readonly double _factor;
                    private readonly int _patience;
                    private readonly double _threshold;
                    private readonly int _cooldown;
                    private readonly double[] _min_lrs;
                    private readonly double _eps;
                    private double _best;
                    private int _num_bad_epochs;
                    private int _cooldown_counter;

                    public ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10, double threshold = 1e-4,
                        string threshold_mode = "rel", int cooldown = 0, IList<double>? min_lr = null, double eps = 1e-8, bool verbose = false)
                    {
                        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
                        if (!(factor < 1.0)) throw new ArgumentException($"ReduceLROnPlateau: factor should be < 1.0, but got {factor}.");
                        _max_mode = mode switch
                        {
                            "min" => false,
                            "max" => true,
                            _ => throw new ArgumentException($"ReduceLROnPlateau: mode '{mode}' is unknown; use \"min\" or \"max\"."),
                        };
                        _relative = threshold_mode switch
                        {
                            "rel" => true,
                            "abs" => false,
                            _ => throw new ArgumentException($"ReduceLROnPlateau: threshold mode '{threshold_mode}' is unknown; use \"rel\" or \"abs\"."),
                        };

                        var groups = optimizer.ParamGroups.Count();
                        if (min_lr is null) _min_lrs = new double[groups];
                        else if (min_lr.Count == groups) _min_lrs = min_lr.ToArray();
                        else if (min_lr.Count == 1) _min_lrs = Enumerable.Repeat(min_lr[0], groups).ToArray();
                        else throw new ArgumentException($"ReduceLROnPlateau: expected {groups} min_lrs (one per parameter group), but got {min_lr.Count}.");

                        _factor = factor;
                        _patience = patience;
                        _threshold = threshold;
                        _cooldown = cooldown;
                        _eps = eps;
                        _verbose = verbose;
                        _last_epoch = 0;
                        _last_lrs = CurrentLrs();
                        _base_lrs = _last_lrs.ToList();
                        Reset();
                    }

                    /// <summary>The best metric value seen since the last reset.</summary>
                    public double best => _best;

                    /// <summary>Epochs in a row without improvement.</summary>
                    public int num_bad_epochs => _num_bad_epochs;

                    public bool in_cooldown => _cooldown_counter > 0;

                    /// <summary>Records this epoch's metric and reduces the learning rates if it has plateaued.</summary>
                    public override void step(double current, int? epoch = null)
                    {
                        _last_epoch = epoch ?? _last_epoch + 1;

                        if (IsBetter(current, _best))
                        {
                            _best = current;
                            _num_bad_epochs = 0;
                        }
                        else
                        {
                            _num_bad_epochs += 1;
                        }

                        if (in_cooldown)
                        {
                            _cooldown_counter -= 1;
                            _num_bad_epochs = 0; // bad epochs during cooldown do not count
                        }

                        if (_num_bad_epochs > _patience)
                        {
                            ReduceLr();
                            _cooldown_counter = _cooldown;
                            _num_bad_epochs = 0;
                        }
                        _last_lrs = CurrentLrs();
                    }

                    public override void step() =>
                        throw new InvalidOperationException("ReduceLROnPlateau.step needs the monitored metric: call step(double metric).");

                    public override void step(int? epoch) =>
                        throw new InvalidOperationException(
                            "ReduceLROnPlateau.step needs the monitored metric: call step(double metric) (an int argument selects step(int? epoch); pass the metric as a double).");

                    private void ReduceLr()
                    {
                        var groups = _optimizer.ParamGroups.ToList();
                        for (int i = 0; i < groups.Count; i++)
                        {
                            var oldLr = groups[i].LearningRate;
                            var newLr = Math.Max(oldLr * _factor, _min_lrs[i]);
                            if (oldLr - newLr > _eps)
                            {
                                groups[i].LearningRate = newLr;
                                if (_verbose) Console.WriteLine($"Epoch {_last_epoch}: reducing learning rate of group {i} to {newLr:0.0000e+00}.");
                            }
                        }
                    }

                    private bool IsBetter(double a, double best) => (_max_mode, _relative) switch
                    {
                        (false, true) => a < best * (1 - _threshold),
                        (false, false) => a < best - _threshold,
                        (true, true) => a > best * (_threshold + 1),
                        (true, false) => a > best + _threshold,
                    };

                    private void Reset()
                    {
                        _best = _max_mode ? double.NegativeInfinity : double.PositiveInfinity;
                        _cooldown_counter = 0;
                        _num_bad_epochs = 0;
                    }
                }
            }
        }
    }
}
