namespace NotebookDL.TorchSharp.Tests.Differential;

/// <summary>Symmetric eigen-decomposition and the Dirac initializer against libtorch.</summary>
public class LinearAlgebraDifferentialTests
{
    public LinearAlgebraDifferentialTests() => Engines.EnsureLoaded();

    [Theory]
    [InlineData(1, 'L')]
    [InlineData(5, 'L')]
    [InlineData(12, 'U')]
    public void Eigh_RandomSymmetric_SameEigenvaluesAndReconstructs(int n, char uplo)
    {
        var data = Engines.Data(n * 7 + 1, [n, n]);
        var managed = Engines.Managed(data, [n, n]);
        var torch = Engines.Torch(data, [n, n]);
        // Both read only one triangle, so the other may hold anything; symmetric input makes the reconstruction checkable.
        var symmetric = managed.matmul(managed.t()) + managed + managed.t();
        var (values, vectors) = MT.linalg.eigh(symmetric, uplo);
        var (torchValues, _) = TT.linalg.eigh(torch.matmul(torch.t()) + torch + torch.t(), uplo);

        Engines.AssertClose("eigenvalues", values, torchValues, rtol: 1e-4, atol: 1e-4);
        var rebuilt = (vectors * values).matmul(vectors.t()); // Q·diag(λ) scales column j of Q by λ_j
        Engines.AssertClose("Q·diag(λ)·Qᵀ", Engines.Of(rebuilt), Engines.Of(symmetric), rtol: 1e-4, atol: 1e-4);
        Engines.AssertClose("QᵀQ", Engines.Of(vectors.t().matmul(vectors)), Engines.Of(MT.eye(n)), atol: 1e-5);
    }

    [Theory]
    [InlineData(new long[] { 6, 4, 3, 3 })]
    [InlineData(new long[] { 3, 5, 2, 2 })]
    [InlineData(new long[] { 4, 4, 5 })]
    public void Dirac_ConvWeight_MatchesLibtorch(long[] shape)
    {
        var managed = MT.nn.init.dirac_(MT.empty(shape));
        var torch = TT.nn.init.dirac_(TT.empty(shape));

        Engines.AssertClose("dirac_", managed, torch, atol: 0);
    }
}
