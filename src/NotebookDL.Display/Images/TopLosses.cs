namespace NotebookDL.Display;

/// <summary>Ranks samples by cross-entropy (−log of the probability given to the true class) and grids the worst.</summary>
internal static class TopLosses
{
    public static ImageGrid Build(Tensor images, Tensor outputs, Tensor targets, int k, IReadOnlyList<string>? classNames, int? cols)
    {
        if (outputs.dim() != 2) throw new ArgumentException($"plot_top_losses: outputs must be scores [N, C], got [{string.Join(", ", outputs.shape)}].");
        var (n, c) = ((int)outputs.shape[0], (int)outputs.shape[1]);
        if (images.shape[0] != n) throw new ArgumentException($"plot_top_losses: {images.shape[0]} images but {n} outputs.");
        using var scope = torch.NewDisposeScope(); // frees TorchSharp's native probabilities and image views
        var scores = DisplayAdapter.Floats(outputs);
        var isProbability = scores.All(v => v >= 0 && v <= 1) && Enumerable.Range(0, n).All(r => Math.Abs(scores.AsSpan(r * c, c).ToArray().Sum() - 1) < 1e-3);
        var probabilities = isProbability ? scores : DisplayAdapter.Floats(torch.softmax(outputs.detach().to(ScalarType.Float32), 1));
        var actual = targets.dim() == 2 ? DisplayAdapter.Longs(targets.argmax(1)) : DisplayAdapter.Longs(targets);
        if (actual.Length != n) throw new ArgumentException($"plot_top_losses: {actual.Length} targets for {n} outputs.");
        string Name(long cls) => classNames is not null && cls >= 0 && cls < classNames.Count ? classNames[(int)cls] : cls.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var ranked = Enumerable.Range(0, n).Select(i =>
        {
            var p = probabilities.AsSpan(i * c, c);
            var predicted = 0;
            for (int j = 1; j < c; j++) if (p[j] > p[predicted]) predicted = j;
            var pActual = p[(int)actual[i]];
            return (index: i, predicted, loss: -Math.Log(Math.Max(pActual, 1e-12)), pActual);
        }).OrderByDescending(r => r.loss).Take(Math.Max(1, k)).ToList();

        if (images.dim() == 3) images = images.unsqueeze(1);
        var tiles = ranked.Select(r => ImageTile.From(images.select(0, r.index),
            [$"{Name(r.predicted)}/{Name(actual[r.index])}", $"{Numbers.Fixed(r.loss, 2)} / {Numbers.Fixed(r.pActual, 2)}"]) with
        {
            CaptionColor = r.predicted == actual[r.index] ? Theme.Text : "#D55E00",
        }).ToList();
        var columns = cols ?? (int)Math.Ceiling(Math.Sqrt(tiles.Count));
        return new ImageGrid(tiles, (tiles.Count + columns - 1) / columns, columns, "Top losses: predicted/actual, loss / probability of actual");
    }
}
