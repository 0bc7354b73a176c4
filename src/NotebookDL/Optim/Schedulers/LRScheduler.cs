using System.Globalization;
using NotebookDL.Modules;

namespace NotebookDL;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>
            /// Base of the learning-rate schedulers (PyTorch 1.13's _LRScheduler, TorchSharp's LRScheduler).
            /// Each step() advances last_epoch and writes get_lr()'s values into the optimizer's groups;
            /// step(epoch) jumps to an epoch using the closed form where the scheduler has one. Call it after
            /// optimizer.step(). Derived constructors end with step(), PyTorch's initial step, which sets the
            /// learning rate of epoch 0.
            /// </summary>
            public abstract class LRScheduler
            {
                protected Optimizer _optimizer = null!;
                protected int _last_epoch = -1;
                protected bool _verbose;
                protected int _step_count;
                protected IList<double> _base_lrs = [];
                protected IList<double> _last_lrs = [];

                protected LRScheduler() { }

                protected LRScheduler(Optimizer optimizer, int last_epoch = -1, bool verbose = false)
                {
                    _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
                    var groups = optimizer.ParamGroups.ToList();
                    for (int i = 0; i < groups.Count; i++)
                    {
                        if (groups[i] is not ParamGroup pg) continue;
                        if (last_epoch == -1)
                        {
                            // PyTorch's group.setdefault('initial_lr', group['lr']): the first scheduler fixes it.
                            if (!pg.Options.HasInitialLearningRate) pg.InitialLearningRate = pg.LearningRate;
                        }
                        else if (!pg.Options.HasInitialLearningRate)
                        {
                            throw new ArgumentException(
                                $"{GetType().Name}: param_groups[{i}] has no initial_lr, which resuming with last_epoch = {last_epoch} needs; load the optimizer's state_dict first or pass last_epoch = -1.");
                        }
                    }
                    _base_lrs = groups.Select(g => g.InitialLearningRate).ToList();
                    _last_lrs = groups.Select(g => g.LearningRate).ToList();
                    _last_epoch = last_epoch;
                    _verbose = verbose;
                }

                /// <summary>The index of the last epoch (step) the schedule has reached.</summary>
                public int last_epoch => _last_epoch;

                public Optimizer optimizer => _optimizer;

                /// <summary>Advances the schedule by one epoch (or batch, for per-batch schedulers).</summary>
                public virtual void step() => step(null);

                /// <summary>Advances by one, or jumps to <paramref name="epoch"/> using the closed form.</summary>
                public virtual void step(int? epoch)
                {
                    _step_count += 1;
                    List<double> lrs;
                    if (epoch is { } e)
                    {
                        _last_epoch = e;
                        lrs = get_closed_form_lr().ToList();
                    }
                    else
                    {
                        _last_epoch += 1;
                        // Materialized once: get_lr may also move momentum (OneCycleLR).
                        lrs = get_lr().ToList();
                    }

                    var groups = _optimizer.ParamGroups.ToList();
                    for (int i = 0; i < groups.Count && i < lrs.Count; i++)
                    {
                        groups[i].LearningRate = lrs[i];
                        if (_verbose)
                            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Adjusting learning rate of group {0} to {1:0.0000e+00}.", i, lrs[i]));
                    }
                    _last_lrs = groups.Select(g => g.LearningRate).ToList();
                }

                /// <summary>Advances the schedule; the metric is ignored except by ReduceLROnPlateau.</summary>
                public virtual void step(double current, int? epoch = null) => step(epoch);

                /// <summary>The learning rates of the next epoch, computed from the current ones (chainable form).</summary>
                protected virtual IEnumerable<double> get_lr() => _optimizer.ParamGroups.Select(pg => pg.LearningRate);

                /// <summary>The learning rates at <see cref="_last_epoch"/> computed from the base rates.</summary>
                protected virtual IEnumerable<double> get_closed_form_lr() => get_lr();

                /// <summary>The learning rates the last step set, one per parameter group.</summary>
                public IEnumerable<double> get_last_lr() => _last_lrs;

                protected List<double> CurrentLrs() => _optimizer.ParamGroups.Select(pg => pg.LearningRate).ToList();
            }
        }
    }
}
