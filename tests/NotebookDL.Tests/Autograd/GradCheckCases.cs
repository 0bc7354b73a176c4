using static NotebookDL.torch;
using static NotebookDL.Tests.Autograd.GradInputs;

namespace NotebookDL.Tests.Autograd;

/// <summary>A function of some tensors and a factory for fresh inputs to check it at.</summary>
internal sealed record GradCase(Func<Tensor[], Tensor> Func, Func<Tensor>[] Inputs);

/// <summary>Every differentiable op, by name, as a gradcheck case. Split by op family across partial files.</summary>
internal static partial class GradCheckCases
{
    public static readonly IReadOnlyDictionary<string, GradCase> All = Build();

    private static Dictionary<string, GradCase> Build()
    {
        var cases = new Dictionary<string, GradCase>();
        AddArithmetic(cases);
        AddUnary(cases);
        AddReductions(cases);
        AddViews(cases);
        AddJoinsAndGathers(cases);
        AddMatMul(cases);
        return cases;
    }

    private static void Add(Dictionary<string, GradCase> cases, string name, Func<Tensor[], Tensor> func, params Func<Tensor>[] inputs) =>
        cases.Add(name, new GradCase(func, inputs));

    private static void AddArithmetic(Dictionary<string, GradCase> c)
    {
        (string tag, long[] a, long[] b)[] shapes =
        [
            ("same", [3, 4], [3, 4]), ("row", [3, 4], [4]), ("column", [3, 4], [3, 1]),
            ("bcast3d", [2, 1, 3], [4, 1]), ("scalar0d", [2, 3], []), ("left_bcast", [4], [2, 3, 4]),
        ];
        foreach (var (tag, sa, sb) in shapes)
        {
            Add(c, $"add_{tag}", x => x[0] + x[1], () => Randn(1, sa), () => Randn(2, sb));
            Add(c, $"sub_{tag}", x => x[0] - x[1], () => Randn(3, sa), () => Randn(4, sb));
            Add(c, $"mul_{tag}", x => x[0] * x[1], () => Randn(5, sa), () => Randn(6, sb));
            Add(c, $"div_{tag}", x => x[0] / x[1], () => Randn(7, sa), () => Positive(8, sb));
            Add(c, $"maximum_{tag}", x => maximum(x[0], x[1]), () => Distinct(9, sa), () => DistinctShifted(10, sb));
            Add(c, $"minimum_{tag}", x => minimum(x[0], x[1]), () => Distinct(11, sa), () => DistinctShifted(12, sb));
        }
        Add(c, "add_scalar", x => x[0] + 2.5, () => Randn(13, 3, 4));
        Add(c, "radd_scalar", x => 2.5 + x[0], () => Randn(14, 3, 4));
        Add(c, "sub_scalar", x => x[0] - 2.5, () => Randn(15, 3, 4));
        Add(c, "rsub_scalar", x => 2.5 - x[0], () => Randn(16, 3, 4));
        Add(c, "mul_scalar", x => x[0] * 2.5, () => Randn(17, 3, 4));
        Add(c, "div_scalar", x => x[0] / 2.5, () => Randn(18, 3, 4));
        Add(c, "rdiv_scalar", x => 2.5 / x[0], () => Positive(19, 3, 4));
        Add(c, "add_alpha", x => x[0].add(x[1], 0.5), () => Randn(20, 3, 4), () => Randn(21, 4));
        Add(c, "same_input_twice", x => x[0] * x[0] + x[0], () => Randn(22, 3, 4));
        Add(c, "diamond", x => (x[0] * 2).exp() * (x[0] - 1) + x[0].tanh(), () => Randn(23, 3, 4));
    }

    private static void AddUnary(Dictionary<string, GradCase> c)
    {
        Add(c, "neg", x => -x[0], () => Randn(30, 3, 4));
        Add(c, "exp", x => x[0].exp(), () => Randn(31, 3, 4));
        Add(c, "erf", x => x[0].erf(), () => Randn(131, 3, 4));
        Add(c, "sin", x => x[0].sin(), () => Randn(136, 3, 4));
        Add(c, "flip", x => x[0].flip(0, -1), () => Randn(141, 3, 4));
        Add(c, "cos", x => x[0].cos(), () => Randn(137, 3, 4));
        Add(c, "repeat", x => x[0].repeat(2, 1, 3), () => Randn(138, 3, 4));
        Add(c, "norm", x => x[0].norm(), () => Randn(139, 3, 4));
        Add(c, "norm_p3_dim", x => x[0].norm(1, p: 3), () => Positive(140, 3, 4));
        Add(c, "log10", x => x[0].log10(), () => Positive(132, 3, 4));
        Add(c, "log2", x => x[0].log2(), () => Positive(133, 3, 4));
        Add(c, "log1p", x => x[0].log1p(), () => Positive(134, 3, 4));
        Add(c, "expm1", x => x[0].expm1(), () => Randn(135, 3, 4));
        Add(c, "log", x => x[0].log(), () => Positive(32, 3, 4));
        Add(c, "sqrt", x => x[0].sqrt(), () => Positive(33, 3, 4));
        Add(c, "rsqrt", x => x[0].rsqrt(), () => Positive(34, 3, 4));
        Add(c, "reciprocal", x => x[0].reciprocal(), () => Positive(35, 3, 4));
        Add(c, "abs", x => x[0].abs(), () => Distinct(36, 3, 4));
        Add(c, "sigmoid", x => x[0].sigmoid(), () => Randn(37, 3, 4));
        Add(c, "sigmoid_functional", x => nn.functional.sigmoid(x[0] * 3), () => Randn(38, 3, 4));
        Add(c, "tanh", x => x[0].tanh(), () => Randn(39, 3, 4));
        Add(c, "relu", x => x[0].relu(), () => Distinct(40, 3, 4));
        Add(c, "gelu", x => nn.functional.gelu(x[0] * 2), () => Randn(41, 3, 4));
        Add(c, "leaky_relu_0.01", x => nn.functional.leaky_relu(x[0]), () => Distinct(42, 3, 4));
        Add(c, "leaky_relu_0.2", x => nn.functional.leaky_relu(x[0], 0.2), () => Distinct(43, 3, 4));
        Add(c, "square", x => x[0].square(), () => Randn(44, 3, 4));
        Add(c, "pow_2", x => x[0].pow(2), () => Randn(45, 3, 4));
        Add(c, "pow_3", x => x[0].pow(3), () => Randn(46, 3, 4));
        Add(c, "pow_0.5", x => x[0].pow(0.5), () => Positive(47, 3, 4));
        Add(c, "pow_neg1.5", x => x[0].pow(-1.5), () => Positive(48, 3, 4));
        Add(c, "pow_tensor_exponent", x => x[0].pow(x[1]), () => Positive(49, 3, 4), () => Randn(50, 4));
        Add(c, "clamp_minmax", x => x[0].clamp(-0.5, 0.5), () => Distinct(51, 3, 4));
        Add(c, "clamp_min", x => x[0].clamp(min: 0.0), () => Distinct(52, 3, 4));
        Add(c, "clamp_max", x => x[0].clamp(max: 0.3), () => Distinct(53, 3, 4));
    }

    private static void AddReductions(Dictionary<string, GradCase> c)
    {
        Add(c, "sum_all", x => x[0].sum(), () => Randn(60, 3, 4));
        Add(c, "sum_dim1", x => x[0].sum(1), () => Randn(61, 3, 4));
        Add(c, "sum_dimneg1_keepdim", x => x[0].sum(-1, keepdim: true), () => Randn(62, 3, 4));
        Add(c, "sum_dims02", x => x[0].sum([0, 2]), () => Randn(63, 2, 3, 4));
        Add(c, "sum_dims12_keepdim", x => x[0].sum([1, 2], keepdim: true), () => Randn(64, 2, 3, 4));
        Add(c, "mean_all", x => x[0].mean(), () => Randn(65, 3, 4));
        Add(c, "mean_dim0", x => x[0].mean(0), () => Randn(66, 3, 4));
        Add(c, "mean_dims02_keepdim", x => x[0].mean([0, 2], keepdim: true), () => Randn(67, 2, 3, 4));
        Add(c, "var_all", x => x[0].var(), () => Randn(68, 3, 4));
        Add(c, "var_all_biased", x => x[0].var(unbiased: false), () => Randn(69, 3, 4));
        Add(c, "var_dim1", x => x[0].var(1), () => Randn(70, 3, 4));
        Add(c, "var_dim1_biased_keepdim", x => x[0].var(1, unbiased: false, keepdim: true), () => Randn(71, 3, 4));
        Add(c, "var_dims01", x => x[0].var([0, 1]), () => Randn(72, 2, 3, 4));
        Add(c, "std_all", x => x[0].std(), () => Randn(73, 3, 4));
        Add(c, "std_dim0_biased", x => x[0].std(0, unbiased: false), () => Randn(74, 3, 4));
        Add(c, "std_dims12_keepdim", x => x[0].std([1, 2], keepdim: true), () => Randn(75, 2, 3, 4));
        Add(c, "max_dim1", x => x[0].max(1).values, () => Distinct(76, 3, 4));
        Add(c, "max_dim0_keepdim", x => x[0].max(0, keepdim: true).values, () => Distinct(77, 3, 4));
        Add(c, "min_dimneg1_3d", x => x[0].min(-1).values, () => Distinct(78, 2, 3, 4));
        Add(c, "max_all", x => x[0].max(), () => Distinct(79, 3, 4));
        Add(c, "min_all", x => x[0].min(), () => Distinct(80, 3, 4));
        Add(c, "amax", x => x[0].amax(1), () => Distinct(81, 3, 4));
        Add(c, "amin_keepdim", x => x[0].amin(0, keepdim: true), () => Distinct(82, 3, 4));
        Add(c, "logsumexp_dim1", x => x[0].logsumexp(1), () => Randn(83, 3, 4));
        Add(c, "logsumexp_dim0_keepdim", x => x[0].logsumexp(0, keepdim: true), () => Randn(84, 3, 4));
        Add(c, "softmax_dim1", x => nn.functional.softmax(x[0], 1), () => Randn(85, 4, 5));
        Add(c, "softmax_dim0", x => nn.functional.softmax(x[0], 0), () => Randn(86, 3, 4));
        Add(c, "softmax_dimneg1_3d", x => x[0].softmax(-1), () => Randn(87, 2, 3, 4));
        Add(c, "log_softmax_dim1", x => nn.functional.log_softmax(x[0], 1), () => Randn(88, 4, 5));
        Add(c, "log_softmax_dim0_3d", x => x[0].log_softmax(0), () => Randn(89, 2, 3, 4));
        Add(c, "cross_entropy_like", x => -(x[0].log_softmax(1) * x[1]).sum(1).mean(),
            () => Randn(90, 4, 5), () => Leaf(eye(5)[TensorIndex.Slice(0, 4)]));
    }
}
