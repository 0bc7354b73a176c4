using NotebookDL.Modules;
using static NotebookDL.torch;

namespace NotebookDL.Tests.NN;

public class ModuleTests
{
    public static TheoryData<string, long> ParameterCounts() => new()
    {
        { "Linear(784, 512)", 401_920 },
        { "Linear(784, 512, hasBias: false)", 401_408 },
        { "MLP 784-512-512-10", 669_706 },
        { "Conv2d(1, 32, 3)", 320 },
        { "Conv2d(3, 16, (3, 5), bias: false)", 720 },
        { "BatchNorm2d(8)", 16 },
        { "TinyCnn", 80 + 16 + 15_690 },
    };

    [Theory]
    [MemberData(nameof(ParameterCounts))]
    public void Parameters_KnownArchitecture_CountMatchesPyTorch(string model, long expected)
    {
        nn.Module m = model switch
        {
            "Linear(784, 512)" => nn.Linear(784, 512),
            "Linear(784, 512, hasBias: false)" => nn.Linear(784, 512, hasBias: false),
            "MLP 784-512-512-10" => nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10)),
            "Conv2d(1, 32, 3)" => nn.Conv2d(1, 32, 3),
            "Conv2d(3, 16, (3, 5), bias: false)" => nn.Conv2d(3, 16, (3, 5), bias: false),
            "BatchNorm2d(8)" => nn.BatchNorm2d(8),
            _ => new TinyCnn(),
        };
        Assert.Equal(expected, m.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void StateDict_CustomModule_HasPyTorchKeysInOrder()
    {
        var keys = new TinyCnn().state_dict().Keys;
        Assert.Equal(
        [
            "features.0.weight", "features.0.bias", "features.1.weight", "features.1.bias", "features.1.running_mean",
            "features.1.running_var", "features.1.num_batches_tracked", "classifier.weight", "classifier.bias",
        ], keys);
    }

    [Fact]
    public void StateDict_BatchNorm_BuffersIncludedButNotParameters()
    {
        var bn = nn.BatchNorm1d(4);
        Assert.Equal(["weight", "bias"], bn.named_parameters().Select(p => p.name));
        Assert.Equal(["running_mean", "running_var", "num_batches_tracked"], bn.named_buffers().Select(b => b.name));
        var tracked = bn.state_dict()["num_batches_tracked"];
        Assert.Equal(ScalarType.Int64, tracked.dtype);
        Assert.Empty(tracked.shape);
    }

    [Fact]
    public void NamedParameters_SharedLayerAndAutoProperty_ListedOnceUnderFieldNames()
    {
        var m = new SharedLayers();
        Assert.Equal(["first.weight", "first.bias", "head.weight", "head.bias"], m.named_parameters().Select(p => p.name));
        Assert.Equal(["first", "head"], m.named_children().Select(c => c.name));
        Assert.Equal(["scale"], m.named_buffers().Select(b => b.name));
    }

    [Fact]
    public void NamedModules_NestedModel_DepthFirstDottedNames()
    {
        var names = new TinyCnn().named_modules().Select(m => m.name);
        Assert.Equal(["features", "features.0", "features.1", "features.2", "features.3", "classifier"], names);
    }

    [Fact]
    public void LoadStateDict_FreshModel_ReproducesOutputs()
    {
        manual_seed(1);
        var source = new TinyCnn();
        var x = randn(2, 1, 28, 28);
        source.call(x); // one training step moves the BatchNorm running statistics
        source.eval();
        var target = new TinyCnn();
        target.load_state_dict(source.state_dict());
        target.eval();
        Assert.True(source.call(x).allclose(target.call(x)));
        Assert.Equal(1L, target.state_dict()["features.1.num_batches_tracked"].item<long>());
    }

    [Fact]
    public void LoadStateDict_ExistingParameters_CopiesIntoSameStorage()
    {
        var layer = nn.Linear(3, 2);
        var heldByOptimizer = layer.parameters().ToList();
        var values = new Dictionary<string, Tensor> { ["weight"] = ones(2, 3), ["bias"] = full(new long[] { 2 }, 5.0) };

        layer.load_state_dict(values);

        Assert.Same(heldByOptimizer[0], layer.weight);
        Assert.True(heldByOptimizer[0].allclose(ones(2, 3)));
        Assert.True(heldByOptimizer[1].allclose(full(new long[] { 2 }, 5.0)));
        Assert.True(layer.weight.requires_grad && layer.weight.is_leaf);
        values["weight"].fill_(7); // the module copied the values; it does not alias the source
        Assert.True(layer.weight.allclose(ones(2, 3)));
    }

    [Fact]
    public void LoadStateDict_StrictWithBadKeysAndShapes_ThrowsListingEveryProblem()
    {
        var model = nn.Sequential(nn.Linear(5, 3), nn.ReLU(), nn.Linear(3, 2));
        var bad = new Dictionary<string, Tensor>
        {
            ["0.weight"] = zeros(3, 4),
            ["0.bias"] = zeros(3),
            ["2.weight"] = zeros(2, 3),
            ["2.extra"] = zeros(1),
        };
        var error = Assert.Throws<InvalidOperationException>(() => model.load_state_dict(bad));
        Assert.Equal(
            "Error(s) in loading state_dict for Sequential:\n" +
            "\tMissing key(s) in state_dict: \"2.bias\".\n" +
            "\tUnexpected key(s) in state_dict: \"2.extra\".\n" +
            "\tsize mismatch for 0.weight: copying a param with shape [3, 4] from checkpoint, the shape in current model is [3, 5].\n" +
            "(Pass strict: false to load only the keys both sides have; shapes must still match.)",
            error.Message);
    }

    [Fact]
    public void LoadStateDict_NotStrict_LoadsCommonKeysAndReportsTheRest()
    {
        var model = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1));
        var (missing, unexpected) = model.load_state_dict(new Dictionary<string, Tensor> { ["0.weight"] = ones(2, 2), ["9.bias"] = ones(1) }, strict: false);
        Assert.Equal(["0.bias", "1.weight", "1.bias"], missing);
        Assert.Equal(["9.bias"], unexpected);
        Assert.True(((Linear)model[0]).weight.allclose(ones(2, 2)));
    }

    [Fact]
    public void LoadStateDict_ShapeMismatchWhenNotStrict_StillThrows()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            nn.Linear(2, 2).load_state_dict(new Dictionary<string, Tensor> { ["bias"] = ones(3) }, strict: false));
        Assert.Contains("size mismatch for bias: copying a param with shape [3] from checkpoint, the shape in current model is [2].", error.Message);
    }

    [Fact]
    public void TrainEval_NestedModel_PropagatesToEveryDescendant()
    {
        var model = new TinyCnn();
        Assert.True(model.modules().All(m => m.training));
        model.eval();
        Assert.True(!model.training && model.modules().All(m => !m.training));
        model.train();
        Assert.True(model.training && model.modules().All(m => m.training));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ZeroGrad_AfterBackward_ClearsOrZeroesGradients(bool setToNone)
    {
        var model = nn.Sequential(nn.Linear(3, 2), nn.Tanh());
        model.call(randn(4, 3)).sum().backward();
        model.zero_grad(setToNone);
        foreach (var p in model.parameters())
            Assert.True(setToNone ? p.grad is null : p.grad!.allclose(zeros_like(p)));
    }

    [Fact]
    public void Sequential_IndexSliceAppend_SharesLayers()
    {
        var first = nn.Linear(4, 3);
        var model = nn.Sequential(first, nn.ReLU());
        model.append(nn.Linear(3, 1));
        Assert.Equal(3, model.Count);
        Assert.Same(first, model[0]);
        var head = model[1..];
        Assert.Equal(["0", "1"], model[..2].named_children().Select(c => c.name));
        Assert.Equal(["1", "2"], head.named_children().Select(c => c.name));
        Assert.Equal(["2.weight", "2.bias"], head.named_parameters().Select(p => p.name));
        Assert.Equal([5L, 1], model.call(randn(5, 4)).shape);
    }

    [Fact]
    public void Sequential_NamedLayers_NamesBecomeStateDictPrefixes()
    {
        var model = nn.Sequential(("hidden", nn.Linear(2, 3)), ("act", nn.ReLU()), ("out", nn.Linear(3, 1)));
        Assert.Equal(["hidden.weight", "hidden.bias", "out.weight", "out.bias"], model.state_dict().Keys);
        Assert.Contains("(hidden): Linear(in_features=2, out_features=3, bias=True)", model.ToString());
    }

    [Fact]
    public void ModuleList_InsertAndRemove_ReregistersByPosition()
    {
        var list = nn.ModuleList<Linear>(nn.Linear(1, 1), nn.Linear(2, 2));
        list.Insert(0, nn.Linear(3, 3));
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "2.weight", "2.bias"], list.named_parameters().Select(p => p.name));
        Assert.Equal(3, list[0].in_features);
        list.RemoveAt(0);
        Assert.Equal([1L, 2], list.Select(l => l.in_features));
        Assert.Equal(1 + 1 + 4 + 2, list.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void To_Cpu_ReturnsSameModuleAndCudaExplains()
    {
        var model = new TinyCnn();
        Assert.Same(model, model.to(CPU));
        Assert.Same(model, model.cpu());
        Assert.Same(model, model.to("cpu"));
        var error = Assert.Throws<NotSupportedException>(() => model.cuda());
        Assert.Contains("cuda", error.Message);
    }

    [Fact]
    public void Register_InvalidOrDuplicateNames_Throw()
    {
        var layer = nn.Linear(2, 2);
        Assert.Throws<InvalidOperationException>(() => layer.register_parameter("weight", nn.Parameter(zeros(1))));
        Assert.Throws<ArgumentException>(() => layer.register_buffer("a.b", zeros(1)));
        Assert.Throws<ArgumentException>(() => nn.Sequential().register_module("", nn.ReLU()));
        Assert.Throws<InvalidOperationException>(() => nn.ReLU().register_parameter("w", nn.Parameter(zeros(1))));
    }

    [Fact]
    public void GetParameter_DottedPath_FindsNestedTensors()
    {
        var model = new TinyCnn();
        Assert.Same(((Linear)model.named_children().Last().module).weight, model.get_parameter("classifier.weight"));
        Assert.NotNull(model.get_buffer("features.1.running_var"));
        Assert.Null(model.get_parameter("features.9.weight"));
    }
}
