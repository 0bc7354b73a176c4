using NotebookDL.Modules;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Optim;

public class OptimizerValidationTests
{
    private static Parameter[] Params() => [new Parameter(zeros(3))];

    // (label, constructor, text the message must contain besides the optimizer's name)
    public static TheoryData<string, Func<object>, string, string> InvalidArguments() => new()
    {
        { "sgd_negative_lr", () => optim.SGD(Params(), -0.1), "SGD", "-0.1" },
        { "sgd_negative_momentum", () => optim.SGD(Params(), 0.1, momentum: -0.5), "SGD", "-0.5" },
        { "sgd_negative_weight_decay", () => optim.SGD(Params(), 0.1, weight_decay: -1), "SGD", "weight_decay" },
        { "sgd_nesterov_without_momentum", () => optim.SGD(Params(), 0.1, nesterov: true), "SGD", "Nesterov" },
        { "sgd_nesterov_with_dampening", () => optim.SGD(Params(), 0.1, momentum: 0.9, dampening: 0.1, nesterov: true), "SGD", "dampening = 0.1" },
        { "adagrad_negative_lr_decay", () => optim.Adagrad(Params(), lr_decay: -1), "Adagrad", "lr_decay" },
        { "adagrad_negative_accumulator", () => optim.Adagrad(Params(), initial_accumulator_value: -0.5), "Adagrad", "-0.5" },
        { "adagrad_negative_eps", () => optim.Adagrad(Params(), eps: -1e-10), "Adagrad", "-1E-10" },
        { "adadelta_rho_above_one", () => optim.Adadelta(Params(), rho: 1.5), "Adadelta", "1.5" },
        { "adadelta_negative_lr", () => optim.Adadelta(Params(), lr: -1), "Adadelta", "learning rate" },
        { "rmsprop_negative_alpha", () => optim.RMSProp(Params(), alpha: -0.1), "RMSProp", "-0.1" },
        { "rmsprop_negative_momentum", () => optim.RMSProp(Params(), momentum: -1), "RMSProp", "momentum" },
        { "rmsprop_negative_eps", () => optim.RMSProp(Params(), eps: -1), "RMSProp", "epsilon" },
        { "adam_beta1_one", () => optim.Adam(Params(), beta1: 1.0), "Adam", "beta1" },
        { "adam_beta2_negative", () => optim.Adam(Params(), beta2: -0.1), "Adam", "-0.1" },
        { "adam_negative_eps", () => optim.Adam(Params(), eps: -1e-8), "Adam", "-1E-08" },
        { "adam_nan_lr", () => optim.Adam(Params(), lr: double.NaN), "Adam", "NaN" },
        { "adamw_negative_lr", () => optim.AdamW(Params(), lr: -1), "AdamW", "-1" },
        { "adamw_beta2_one", () => optim.AdamW(Params(), beta2: 1.0), "AdamW", "beta2" },
        { "adamw_negative_weight_decay", () => optim.AdamW(Params(), weight_decay: -0.01), "AdamW", "-0.01" },
        { "group_negative_lr", () => optim.SGD([new SGD.ParamGroup(Params(), lr: -2)], 0.1), "SGD", "-2" },
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public void Constructor_InvalidArgument_ThrowsArgumentExceptionNamingOptimizerAndValue(string label, Func<object> create, string optimizer, string fragment)
    {
        var ex = Assert.Throws<ArgumentException>(create);
        Assert.True(ex.Message.StartsWith(optimizer + ":", StringComparison.Ordinal), $"{label}: '{ex.Message}' does not name {optimizer}");
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void Constructor_EmptyParameterList_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => optim.Adam(Array.Empty<Parameter>()));
        Assert.Contains("empty parameter list", ex.Message);
    }

    [Fact]
    public void Constructor_ParameterInTwoGroups_Throws()
    {
        var p = new Parameter(zeros(2));
        var ex = Assert.Throws<ArgumentException>(() => optim.SGD([new SGD.ParamGroup([p]), new SGD.ParamGroup([p])], 0.1));
        Assert.Contains("more than once", ex.Message);
    }

    [Fact]
    public void AddParamGroup_GroupOfOtherOptimizer_Throws()
    {
        var opt = optim.SGD(Params(), 0.1);
        var ex = Assert.Throws<ArgumentException>(() => opt.add_param_group(new Adam.ParamGroup(Params(), lr: 0.1)));
        Assert.Contains("SGD", ex.Message);
    }

    [Fact]
    public void Constructor_ValidEdgeValues_DoNotThrow()
    {
        optim.SGD(Params(), 0, momentum: 0.9, nesterov: true);
        optim.Adam(Params(), 0, beta1: 0, beta2: 0, eps: 0);
        optim.Adadelta(Params(), rho: 1.0);
    }
}
