using MParameter = NotebookDL.Modules.Parameter;
using TParameter = TorchSharp.Modules.Parameter;

namespace NotebookDL.TorchSharp.Tests.Differential;

/// <summary>An optimizer (and optionally an lr scheduler) built in both engines over the same starting parameters.</summary>
/// <param name="Name">A unique, readable name; also the test case's display name.</param>
/// <param name="Managed">Builds the managed optimizer.</param>
/// <param name="Torch">Builds the TorchSharp optimizer.</param>
/// <param name="ManagedScheduler">Builds the managed scheduler, or null to keep the learning rate fixed.</param>
/// <param name="TorchScheduler">Builds the TorchSharp scheduler.</param>
public sealed record OptimizerCase(
    string Name,
    Func<IEnumerable<MParameter>, MT.optim.Optimizer> Managed,
    Func<IEnumerable<TParameter>, TT.optim.Optimizer> Torch,
    Func<MT.optim.Optimizer, MT.optim.lr_scheduler.LRScheduler>? ManagedScheduler = null,
    Func<TT.optim.Optimizer, TT.optim.lr_scheduler.LRScheduler>? TorchScheduler = null)
{
    public override string ToString() => Name;
}
