namespace NotebookDL.TorchSharp.Display.Tests.Data;

/// <summary>With a random_state, the synthetic datasets give the same samples on both engines (one seeded stream, shared).</summary>
public class SyntheticTwinTests
{
    [Fact]
    public void Synthetic_SameRandomState_SameSamplesOnBothEngines()
    {
        TorchSharpNatives.EnsureLoaded();
        (Func<long?, (Tensor x, Tensor y)> ours, Func<long?, (M.Tensor x, M.Tensor y)> managed)[] generators =
        [
            (s => synthetic.make_blobs(n_samples: 60, centers: 3, random_state: s), s => ManagedSynthetic.make_blobs(n_samples: 60, centers: 3, random_state: s)),
            (s => synthetic.make_moons(n_samples: 40, noise: 0.1, random_state: s), s => ManagedSynthetic.make_moons(n_samples: 40, noise: 0.1, random_state: s)),
            (s => synthetic.make_circles(n_samples: 30, noise: 0.05, random_state: s), s => ManagedSynthetic.make_circles(n_samples: 30, noise: 0.05, random_state: s)),
            (s => synthetic.make_spirals(n_samples: 45, random_state: s), s => ManagedSynthetic.make_spirals(n_samples: 45, random_state: s)),
        ];
        foreach (var (ours, managed) in generators)
        {
            var (x, y) = ours(7);
            var (mx, my) = managed(7);
            Assert.Equal(mx.ToArray<float>(), x.data<float>().ToArray());
            Assert.Equal(my.ToArray<long>(), y.data<long>().ToArray());
        }
    }
}
