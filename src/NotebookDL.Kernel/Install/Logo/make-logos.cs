#:package SkiaSharp@4.156.1
#:package SkiaSharp.NativeAssets.Linux.NoDependencies@4.156.1
// Draws the kernelspec logos (logo-32x32.png, logo-64x64.png) that `notebookdl install` writes next to kernel.json.
// Run once after changing the design and commit the PNGs: dotnet run src/NotebookDL.Kernel/Install/Logo/make-logos.cs -- src/NotebookDL.Kernel/Install
// A blue card (the charts' first colour) with "C#" and three orange neurons, readable at 32 pixels in a launcher.
using SkiaSharp;

var folder = args.Length > 0 ? args[0] : ".";
foreach (var size in new[] { 32, 64 })
{
    using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
    using (var canvas = new SKCanvas(bitmap))
    {
        canvas.Clear(SKColors.Transparent);
        canvas.Scale(size / 64f);
        using var card = new SKPaint { Color = SKColor.Parse("#0072B2"), IsAntialias = true };
        canvas.DrawRoundRect(new SKRect(0, 0, 64, 64), 12, 12, card);
        using var neuron = new SKPaint { Color = SKColor.Parse("#E69F00"), IsAntialias = true };
        foreach (var x in new[] { 16f, 32, 48 }) canvas.DrawCircle(x, 51, 5.5f, neuron);
        var typeface = SKFontManager.Default.MatchFamily("DejaVu Sans", SKFontStyle.Bold) ?? SKTypeface.Default;
        using var font = new SKFont(typeface, 30);
        using var ink = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawText("C#", 32, 35, SKTextAlign.Center, font, ink);
    }
    using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
    var path = Path.Combine(folder, $"logo-{size}x{size}.png");
    File.WriteAllBytes(path, png.ToArray());
    Console.WriteLine($"{path}: {png.Size} bytes");
}
