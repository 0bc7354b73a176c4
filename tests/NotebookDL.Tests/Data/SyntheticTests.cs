using static NotebookDL.torch;

namespace NotebookDL.Tests.Data;

public class SyntheticTests
{
    public static TheoryData<string, Func<long?, (Tensor x, Tensor y)>, long, long, long> Generators() => new()
    {
        { "blobs", s => synthetic.make_blobs(90, n_features: 3, centers: 3, random_state: s), 90, 3, 3 },
        { "moons", s => synthetic.make_moons(101, noise: 0.1, random_state: s), 101, 2, 2 },
        { "circles", s => synthetic.make_circles(100, noise: 0.05, random_state: s, factor: 0.5), 100, 2, 2 },
        { "spirals", s => synthetic.make_spirals(300, n_classes: 3, random_state: s), 300, 2, 3 },
        { "playground xor", s => synthetic.playground_xor(200, noise: 0.1, random_state: s), 200, 2, 2 },
        { "playground gauss", s => synthetic.playground_gauss(200, noise: 0.1, random_state: s), 200, 2, 2 },
    };

    [Theory]
    [MemberData(nameof(Generators))]
    public void Generator_AnySeed_GivesFloatFeaturesAndLongLabels(string name, Func<long?, (Tensor x, Tensor y)> make, long n, long features, long classes)
    {
        var (x, y) = make(1);

        Assert.Equal(new[] { n, features }, x.shape);
        Assert.Equal(new[] { n }, y.shape);
        Assert.Equal(ScalarType.Float32, x.dtype);
        Assert.Equal(ScalarType.Int64, y.dtype);
        Assert.All(y.data<long>(), label => Assert.InRange(label, 0, classes - 1));
        Assert.Equal(classes, y.data<long>().Distinct().Count());
        Assert.All(x.data<float>(), v => Assert.True(float.IsFinite(v), name));
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Generator_SameSeed_IsDeterministic(string name, Func<long?, (Tensor x, Tensor y)> make, long n, long features, long classes)
    {
        _ = (n, features, classes);
        var (x1, y1) = make(7);
        var (x2, y2) = make(7);
        var (x3, _) = make(8);

        Assert.Equal(x1.data<float>(), x2.data<float>());
        Assert.Equal(y1.data<long>(), y2.data<long>());
        Assert.False(x1.data<float>().SequenceEqual(x3.data<float>()), name);
    }

    [Theory]
    [InlineData("blobs", new long[] { 34, 33, 33 })]
    [InlineData("moons", new long[] { 50, 51 })]
    [InlineData("circles", new long[] { 50, 51 })]
    [InlineData("spirals", new long[] { 34, 34, 33 })]
    [InlineData("gauss", new long[] { 50, 51 })]
    public void Generator_ClassSizes_AreBalanced(string name, long[] expected)
    {
        var (_, y) = name switch
        {
            "blobs" => synthetic.make_blobs(100, centers: 3, random_state: 0),
            "moons" => synthetic.make_moons(101, random_state: 0),
            "circles" => synthetic.make_circles(101, random_state: 0),
            "spirals" => synthetic.make_spirals(101, n_classes: 3, random_state: 0),
            _ => synthetic.playground_gauss(101, random_state: 0),
        };

        var counts = y.data<long>().GroupBy(v => v).OrderBy(g => g.Key).Select(g => (long)g.Count());

        Assert.Equal(expected, counts);
    }

    [Theory]
    [InlineData("AND", new long[] { 0, 0, 0, 1 })]
    [InlineData("OR", new long[] { 0, 1, 1, 1 })]
    [InlineData("NAND", new long[] { 1, 1, 1, 0 })]
    [InlineData("xor", new long[] { 0, 1, 1, 0 })]
    [InlineData("NOR", new long[] { 1, 0, 0, 0 })]
    [InlineData("XNOR", new long[] { 1, 0, 0, 1 })]
    public void LogicGate_TruthTable_IsCorrect(string gate, long[] expected)
    {
        var (x, y) = synthetic.logic_gate(gate);

        Assert.Equal(new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, x.data<float>());
        Assert.Equal(expected, y.data<long>());
    }

    [Fact]
    public void LogicGate_Unknown_ListsTheGates()
    {
        var e = Assert.Throws<ArgumentException>(() => synthetic.logic_gate("IMPLIES"));
        Assert.Contains("XOR", e.Message);
    }

    [Fact]
    public void PlaygroundXor_NoNoise_LabelsFollowQuadrants()
    {
        var (x, y) = synthetic.playground_xor(300, random_state: 4);
        var points = x.data<float>();
        var labels = y.data<long>();

        for (int i = 0; i < labels.Length; i++)
        {
            Assert.True(Math.Abs(points[2 * i]) >= 0.3f && Math.Abs(points[2 * i + 1]) >= 0.3f);
            Assert.Equal(points[2 * i] * points[2 * i + 1] >= 0 ? 1 : 0, labels[i]);
        }
    }

    [Fact]
    public void MakeMoons_NoNoise_PointsLieOnTheTwoHalfCircles()
    {
        var (x, y) = synthetic.make_moons(40, shuffle: false, random_state: 0);
        var p = x.data<float>();
        var labels = y.data<long>();

        for (int i = 0; i < 40; i++)
        {
            double cx = labels[i] == 0 ? 0 : 1, cy = labels[i] == 0 ? 0 : 0.5;
            Assert.Equal(1.0, Math.Sqrt((p[2 * i] - cx) * (p[2 * i] - cx) + (p[2 * i + 1] - cy) * (p[2 * i + 1] - cy)), 5);
        }
        Assert.Equal(new float[] { 1, 0 }, p[..2]);
    }

    [Fact]
    public void MakeCircles_NoNoise_RadiiAreOneAndFactor()
    {
        var (x, y) = synthetic.make_circles(20, random_state: 1, factor: 0.3);
        var p = x.data<float>();
        var labels = y.data<long>();

        for (int i = 0; i < 20; i++)
            Assert.Equal(labels[i] == 0 ? 1.0 : 0.3, Math.Sqrt(p[2 * i] * p[2 * i] + p[2 * i + 1] * p[2 * i + 1]), 5);
    }

    [Fact]
    public void MakeBlobs_GivenCenters_PointsClusterAroundThem()
    {
        var (x, y) = synthetic.make_blobs(600, new double[,] { { 100, 0 }, { 0, -100 } }, cluster_std: 0.5, random_state: 2);
        var p = x.data<float>();
        var labels = y.data<long>();

        for (int i = 0; i < 600; i++)
        {
            var (cx, cy) = labels[i] == 0 ? (100.0, 0.0) : (0.0, -100.0);
            Assert.InRange(p[2 * i] - cx, -3, 3);
            Assert.InRange(p[2 * i + 1] - cy, -3, 3);
        }
    }

    [Fact]
    public void MakeBlobs_RandomCenters_LieInCenterBox()
    {
        var (x, _) = synthetic.make_blobs(300, n_features: 2, centers: 4, cluster_std: 0.01, random_state: 3);

        Assert.All(x.data<float>(), v => Assert.InRange(v, -10.1f, 10.1f));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Generators_BadSampleCount_Throw(long n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => synthetic.make_moons(n));
        Assert.Throws<ArgumentOutOfRangeException>(() => synthetic.make_blobs(n));
    }

    [Fact]
    public void MakeCircles_FactorOne_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => synthetic.make_circles(10, factor: 1));
        Assert.Contains("[0, 1)", e.Message);
    }
}
