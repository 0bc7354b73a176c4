using NotebookDL.Modules;

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
                /// The 1cycle policy (PyTorch 1.13 OneCycleLR), stepped once per batch. The learning rate goes
                /// from initial_lr = max_lr / div_factor up to max_lr over the first pct_start of total_steps, then
                /// down to min_lr = initial_lr / final_div_factor (three_phase: back to initial_lr first, then to
                /// min_lr), annealing each phase with cos or linear:
                /// <code>
                /// phase ends (two-phase):   pct_start·total − 1, total − 1
                /// phase ends (three-phase): pct_start·total − 1, 2·pct_start·total − 2, total − 1
                /// pct = (step − phase_start) / (phase_end − phase_start)
                /// cos:    end + (start − end)/2·(1 + cos(π·pct));   linear: start + (end − start)·pct
                /// </code>
                /// With cycle_momentum the momentum (SGD/RMSProp momentum, Adam/AdamW beta1) moves the opposite
                /// way between max_momentum and base_momentum. Stepping past total_steps throws.
                /// </summary>
                public class OneCycleLR : LRScheduler
                {
                    public enum AnnealStrategy
                    {
                        Cos,
                        Linear,
                    }

                    private sealed record Phase(double EndStep, string StartLr, string EndLr, string StartMomentum, string EndMomentum);

                    private readonly int _total_steps;
                    private readonly Phase[] _phases;
                    private readonly Func<double, double, double, double> _anneal;
                    private readonly bool _cycle_momentum;
                    private readonly Dictionary<string, List<double>> _values = [];
                    private readonly List<Action<double>> _set_momentum = [];

                    public OneCycleLR(Optimizer optimizer, double max_lr, int total_steps = -1, int epochs = -1, int steps_per_epoch = -1,
                        double pct_start = 0.3, AnnealStrategy anneal_strategy = AnnealStrategy.Cos, bool cycle_momentum = true,
                        double base_momentum = 0.85, double max_momentum = 0.95, double div_factor = 25, double final_div_factor = 1e4,
                        bool three_phase = false, int last_epoch = -1, bool verbose = false)
                        : this(optimizer, Repeat(optimizer, max_lr), total_steps, epochs, steps_per_epoch, pct_start, anneal_strategy, cycle_momentum,
                            Repeat(optimizer, base_momentum), Repeat(optimizer, max_momentum), div_factor, final_div_factor, three_phase, last_epoch, verbose)
                    {
                    }

                    public OneCycleLR(Optimizer optimizer, IEnumerable<double> max_lr, int total_steps = -1, int epochs = -1, int steps_per_epoch = -1,
                        double pct_start = 0.3, AnnealStrategy anneal_strategy = AnnealStrategy.Cos, bool cycle_momentum = true,
                        IEnumerable<double>? base_momentum = null, IEnumerable<double>? max_momentum = null, double div_factor = 25, double final_div_factor = 1e4,
                        bool three_phase = false, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        var groups = optimizer.ParamGroups.ToList();
                        _total_steps = TotalSteps(total_steps, epochs, steps_per_epoch);
                        if (!(pct_start >= 0 && pct_start <= 1))
                            throw new ArgumentException($"OneCycleLR: pct_start must be between 0 and 1, but got {pct_start}.");

                        _phases = three_phase
                            ? [
                                new(pct_start * _total_steps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                                new(2 * pct_start * _total_steps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),
                                new(_total_steps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"),
                            ]
                            : [
                                new(pct_start * _total_steps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                                new(_total_steps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"),
                            ];
                        _anneal = anneal_strategy == AnnealStrategy.Cos
                            ? (start, end, pct) => end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1)
                            : (start, end, pct) => (end - start) * pct + start;

                        var maxLrs = PerGroup(max_lr, groups.Count, "max_lr");
                        _values["max_lr"] = maxLrs;
                        _values["initial_lr"] = maxLrs.Select(m => m / div_factor).ToList();
                        _values["min_lr"] = _values["initial_lr"].Select(i => i / final_div_factor).ToList();
                        if (last_epoch == -1)
                            for (int i = 0; i < groups.Count; i++) groups[i].InitialLearningRate = _values["initial_lr"][i];
                        _base_lrs = groups.Select(g => g.InitialLearningRate).ToList();

                        _cycle_momentum = cycle_momentum;
                        if (cycle_momentum)
                        {
                            foreach (var g in groups)
                                _set_momentum.Add(MomentumSetter(g) ?? throw new ArgumentException(
                                    $"OneCycleLR: {optimizer.GetType().Name} has no momentum or betas to cycle; pass cycle_momentum: false."));
                            _values["max_momentum"] = PerGroup(max_momentum ?? Enumerable.Repeat(0.95, groups.Count), groups.Count, "max_momentum");
                            _values["base_momentum"] = PerGroup(base_momentum ?? Enumerable.Repeat(0.85, groups.Count), groups.Count, "base_momentum");
                            if (last_epoch == -1)
                                for (int i = 0; i < groups.Count; i++) _set_momentum[i](_values["max_momentum"][i]);
                        }
                        step();
                    }

                    /// <summary>The total number of steps the schedule was built for.</summary>
                    public int total_steps => _total_steps;

                    protected override IEnumerable<double> get_lr()
                    {
                        var stepNum = _last_epoch;
                        if (stepNum > _total_steps)
                            throw new InvalidOperationException(
                                $"OneCycleLR: tried to step {stepNum + 1} times, but the specified number of total steps is {_total_steps}; build the scheduler with more total_steps (or epochs · steps_per_epoch).");

                        var lrs = new List<double>();
                        for (int i = 0; i < _base_lrs.Count; i++)
                        {
                            double startStep = 0, lr = 0, momentum = 0;
                            for (int j = 0; j < _phases.Length; j++)
                            {
                                var phase = _phases[j];
                                if (stepNum <= phase.EndStep || j == _phases.Length - 1)
                                {
                                    var pct = (stepNum - startStep) / (phase.EndStep - startStep);
                                    lr = _anneal(_values[phase.StartLr][i], _values[phase.EndLr][i], pct);
                                    if (_cycle_momentum)
                                        momentum = _anneal(_values[phase.StartMomentum][i], _values[phase.EndMomentum][i], pct);
                                    break;
                                }
                                startStep = phase.EndStep;
                            }
                            lrs.Add(lr);
                            if (_cycle_momentum) _set_momentum[i](momentum);
                        }
                        return lrs;
                    }

                    private static int TotalSteps(int total_steps, int epochs, int steps_per_epoch)
                    {
                        if (total_steps == -1 && epochs == -1 && steps_per_epoch == -1)
                            throw new ArgumentException("OneCycleLR: you must define either total_steps OR (epochs AND steps_per_epoch).");
                        if (total_steps != -1)
                        {
                            if (total_steps <= 0) throw new ArgumentException($"OneCycleLR: expected a positive total_steps, but got {total_steps}.");
                            return total_steps;
                        }
                        if (epochs <= 0) throw new ArgumentException($"OneCycleLR: expected a positive epochs, but got {epochs}.");
                        if (steps_per_epoch <= 0) throw new ArgumentException($"OneCycleLR: expected a positive steps_per_epoch, but got {steps_per_epoch}.");
                        return checked(epochs * steps_per_epoch);
                    }

                    // PyTorch cycles beta1 when the optimizer has betas, else momentum.
                    private static Action<double>? MomentumSetter(ILearningRateController group)
                    {
                        if (group is IBetas betas) return m => betas.Betas = (m, betas.Betas.Item2);
                        if (group is IMomentum momentum) return m => momentum.Momentum = m;
                        if (group is ParamGroup pg)
                        {
                            if (pg.Options.Values.ContainsKey("beta1")) return m => pg.Options.SetValue("beta1", m);
                            if (pg.Options.Values.ContainsKey("momentum")) return m => pg.Options.SetValue("momentum", m);
                        }
                        return null;
                    }

                    private static IEnumerable<double> Repeat(Optimizer optimizer, double value) =>
                        Enumerable.Repeat(value, (optimizer ?? throw new ArgumentNullException(nameof(optimizer))).ParamGroups.Count());

                    private static List<double> PerGroup(IEnumerable<double> values, int groups, string name)
                    {
                        var list = values.ToList();
                        if (list.Count != groups)
                            throw new ArgumentException($"OneCycleLR: expected {groups} values for {name} (one per parameter group), but got {list.Count}.");
                        return list;
                    }
                }
            }
        }
    }
}
