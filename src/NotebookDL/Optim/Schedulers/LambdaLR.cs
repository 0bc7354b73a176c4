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
                /// Sets each group's learning rate to base_lr·lr_lambda(epoch) (PyTorch 1.13 LambdaLR), with one
                /// function for all groups or one per group.
                /// </summary>
                public class LambdaLR : LRScheduler
                {
                    private readonly List<Func<int, double>> _lr_lambdas;

                    public LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        ArgumentNullException.ThrowIfNull(lr_lambda);
                        _lr_lambdas = Enumerable.Repeat(lr_lambda, _base_lrs.Count).ToList();
                        step();
                    }

                    public LambdaLR(Optimizer optimizer, IEnumerable<Func<int, double>> lr_lambdas, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        ArgumentNullException.ThrowIfNull(lr_lambdas);
                        _lr_lambdas = lr_lambdas.ToList();
                        if (_lr_lambdas.Count != _base_lrs.Count)
                            throw new ArgumentException($"LambdaLR: expected {_base_lrs.Count} lr_lambdas (one per parameter group), but got {_lr_lambdas.Count}.");
                        step();
                    }

                    protected override IEnumerable<double> get_lr() =>
                        _base_lrs.Select((lr, i) => lr * _lr_lambdas[i](_last_epoch));
                }
            }
        }
    }
}
