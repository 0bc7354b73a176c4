namespace NotebookDL;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Learning-rate scheduler factories with TorchSharp's names and signatures; the schedules are
        /// documented on the classes in <see cref="impl"/>. Call scheduler.step() after optimizer.step().
        /// </summary>
        public static partial class lr_scheduler
        {
            public static LRScheduler StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                new impl.StepLR(optimizer, step_size, gamma, last_epoch, verbose);

            public static LRScheduler MultiStepLR(Optimizer optimizer, IList<int> milestones, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                new impl.MultiStepLR(optimizer, milestones, gamma, last_epoch, verbose);

            public static LRScheduler ExponentialLR(Optimizer optimizer, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                new impl.ExponentialLR(optimizer, gamma, last_epoch, verbose);

            public static LRScheduler LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1, bool verbose = false) =>
                new impl.LambdaLR(optimizer, lr_lambda, last_epoch, verbose);

            public static LRScheduler LambdaLR(Optimizer optimizer, IEnumerable<Func<int, double>> lr_lambdas, int last_epoch = -1, bool verbose = false) =>
                new impl.LambdaLR(optimizer, lr_lambdas, last_epoch, verbose);

            public static LRScheduler CosineAnnealingLR(Optimizer optimizer, double T_max, double eta_min = 0, int last_epoch = -1, bool verbose = false) =>
                new impl.CosineAnnealingLR(optimizer, T_max, eta_min, last_epoch, verbose);

            public static LRScheduler OneCycleLR(Optimizer optimizer, double max_lr, int total_steps = -1, int epochs = -1, int steps_per_epoch = -1,
                double pct_start = 0.3, impl.OneCycleLR.AnnealStrategy anneal_strategy = impl.OneCycleLR.AnnealStrategy.Cos, bool cycle_momentum = true,
                double base_momentum = 0.85, double max_momentum = 0.95, double div_factor = 25, double final_div_factor = 1e4,
                bool three_phase = false, int last_epoch = -1, bool verbose = false) =>
                new impl.OneCycleLR(optimizer, max_lr, total_steps, epochs, steps_per_epoch, pct_start, anneal_strategy, cycle_momentum,
                    base_momentum, max_momentum, div_factor, final_div_factor, three_phase, last_epoch, verbose);

            public static LRScheduler OneCycleLR(Optimizer optimizer, IEnumerable<double> max_lr, int total_steps = -1, int epochs = -1, int steps_per_epoch = -1,
                double pct_start = 0.3, impl.OneCycleLR.AnnealStrategy anneal_strategy = impl.OneCycleLR.AnnealStrategy.Cos, bool cycle_momentum = true,
                IEnumerable<double>? base_momentum = null, IEnumerable<double>? max_momentum = null, double div_factor = 25, double final_div_factor = 1e4,
                bool three_phase = false, int last_epoch = -1, bool verbose = false) =>
                new impl.OneCycleLR(optimizer, max_lr, total_steps, epochs, steps_per_epoch, pct_start, anneal_strategy, cycle_momentum,
                    base_momentum, max_momentum, div_factor, final_div_factor, three_phase, last_epoch, verbose);

            public static LRScheduler ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10, double threshold = 1e-4,
                string threshold_mode = "rel", int cooldown = 0, IList<double>? min_lr = null, double eps = 1e-8, bool verbose = false) =>
                new impl.ReduceLROnPlateau(optimizer, mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, eps, verbose);
        }
    }
}
