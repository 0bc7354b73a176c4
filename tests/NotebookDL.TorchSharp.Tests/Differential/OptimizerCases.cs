using MO = NotebookDL.torch.optim;
using MS = NotebookDL.torch.optim.lr_scheduler;
using TO = TorchSharp.torch.optim;
using TS = TorchSharp.torch.optim.lr_scheduler;

namespace NotebookDL.TorchSharp.Tests.Differential;

/// <summary>
/// The table of optimizers and lr schedulers compared with libtorch. TorchSharp's optimizers run their update rules in
/// libtorch, so these compare the managed engine with PyTorch's C++ implementations.
/// </summary>
static class OptimizerCases
{
    static OptimizerCase Opt(string name, Func<IEnumerable<NotebookDL.Modules.Parameter>, MO.Optimizer> managed,
        Func<IEnumerable<global::TorchSharp.Modules.Parameter>, TO.Optimizer> torch) => new(name, managed, torch);

    static OptimizerCase Sched(string name, Func<MO.Optimizer, MS.LRScheduler> managed, Func<TO.Optimizer, TS.LRScheduler> torch) =>
        new(name, p => MO.SGD(p, 0.1, momentum: 0.9), p => TO.SGD(p, 0.1, momentum: 0.9), managed, torch);

    public static readonly OptimizerCase[] All =
    [
        Opt("SGD", p => MO.SGD(p, 0.1), p => TO.SGD(p, 0.1)),
        Opt("SGD/momentum", p => MO.SGD(p, 0.1, momentum: 0.9), p => TO.SGD(p, 0.1, momentum: 0.9)),
        Opt("SGD/momentum-dampening", p => MO.SGD(p, 0.1, momentum: 0.9, dampening: 0.3), p => TO.SGD(p, 0.1, momentum: 0.9, dampening: 0.3)),
        Opt("SGD/nesterov", p => MO.SGD(p, 0.1, momentum: 0.8, nesterov: true), p => TO.SGD(p, 0.1, momentum: 0.8, nesterov: true)),
        Opt("SGD/weight-decay", p => MO.SGD(p, 0.1, momentum: 0.5, weight_decay: 0.05), p => TO.SGD(p, 0.1, momentum: 0.5, weight_decay: 0.05)),
        Opt("SGD/maximize", p => MO.SGD(p, 0.05, maximize: true), p => TO.SGD(p, 0.05, maximize: true)),
        Opt("Adam", p => MO.Adam(p, 0.01), p => TO.Adam(p, 0.01)),
        Opt("Adam/weight-decay", p => MO.Adam(p, 0.01, weight_decay: 0.1), p => TO.Adam(p, 0.01, weight_decay: 0.1)),
        Opt("Adam/amsgrad", p => MO.Adam(p, 0.01, beta1: 0.8, beta2: 0.95, amsgrad: true), p => TO.Adam(p, 0.01, beta1: 0.8, beta2: 0.95, amsgrad: true)),
        // TorchSharp's AdamW defaults weight_decay to 0, PyTorch's and NotebookDL's to 0.01: pass it explicitly.
        Opt("AdamW", p => MO.AdamW(p, 0.01, weight_decay: 0.01), p => TO.AdamW(p, 0.01, weight_decay: 0.01)),
        Opt("AdamW/strong-decay", p => MO.AdamW(p, 0.01, weight_decay: 0.5), p => TO.AdamW(p, 0.01, weight_decay: 0.5)),
        Opt("RMSprop", p => MO.RMSProp(p, 0.01), p => TO.RMSProp(p, 0.01)),
        Opt("RMSprop/momentum-centered", p => MO.RMSProp(p, 0.01, momentum: 0.9, centered: true), p => TO.RMSProp(p, 0.01, momentum: 0.9, centered: true)),
        Opt("RMSprop/weight-decay", p => MO.RMSProp(p, 0.01, alpha: 0.9, weight_decay: 0.1), p => TO.RMSProp(p, 0.01, alpha: 0.9, weight_decay: 0.1)),
        Opt("Adagrad", p => MO.Adagrad(p, 0.1), p => TO.Adagrad(p, 0.1)),
        Opt("Adagrad/lr-decay-weight-decay-initial", p => MO.Adagrad(p, 0.1, lr_decay: 0.1, weight_decay: 0.05, initial_accumulator_value: 0.1),
            p => TO.Adagrad(p, 0.1, lr_decay: 0.1, weight_decay: 0.05, initial_accumulator_value: 0.1)),
        Opt("Adadelta", p => MO.Adadelta(p), p => TO.Adadelta(p)),
        Opt("Adadelta/rho-weight-decay", p => MO.Adadelta(p, lr: 0.5, rho: 0.8, weight_decay: 0.1), p => TO.Adadelta(p, lr: 0.5, rho: 0.8, weight_decay: 0.1)),

        Sched("StepLR", o => MS.StepLR(o, 2, gamma: 0.5), o => TS.StepLR(o, 2, gamma: 0.5)),
        Sched("MultiStepLR", o => MS.MultiStepLR(o, [1, 3], gamma: 0.3), o => TS.MultiStepLR(o, [1, 3], gamma: 0.3)),
        Sched("ExponentialLR", o => MS.ExponentialLR(o, 0.8), o => TS.ExponentialLR(o, 0.8)),
        Sched("CosineAnnealingLR", o => MS.CosineAnnealingLR(o, 4, eta_min: 0.01), o => TS.CosineAnnealingLR(o, 4, eta_min: 0.01)),
        Sched("LambdaLR", o => MS.LambdaLR(o, e => 1.0 / (e + 1)), o => TS.LambdaLR(o, e => 1.0 / (e + 1))),
        Sched("OneCycleLR", o => MS.OneCycleLR(o, 0.5, total_steps: 8), o => TS.OneCycleLR(o, 0.5, total_steps: 8)),
    ];
}
