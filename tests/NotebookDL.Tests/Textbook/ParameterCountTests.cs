using NotebookDL;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Textbook;

/// <summary>The parameter totals the textbook's model summaries print.</summary>
public class ParameterCountTests
{
    private static long Count(nn.Module model) => model.parameters().Sum(p => p.numel());

    [Fact]
    public void MnistMlp_784_512_512_10_Has669706Parameters()
    {
        var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10));
        Assert.Equal(669_706, Count(model));
        Assert.Equal([4L, 10], model.call(zeros(4, 1, 28, 28)).shape);
    }

    [Fact]
    public void MnistCnn_32c3_64c3_Dense64_Has220234Parameters()
    {
        var model = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(7 * 7 * 64, 64), nn.ReLU(), nn.Linear(64, 10));
        Assert.Equal(220_234, Count(model));
        Assert.Equal([2L, 10], model.call(zeros(2, 1, 28, 28)).shape);
    }

    [Fact]
    public void CifarBaseline_16_32_64_Dense500_Has528054Parameters()
    {
        var model = nn.Sequential(
            nn.Conv2d(3, 16, 2, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 2, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 2, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
            nn.Dropout(0.3), nn.Flatten(),
            nn.Linear(64 * 4 * 4, 500), nn.ReLU(), nn.Dropout(0.4),
            nn.Linear(500, 10));
        Assert.Equal(528_054, Count(model));
        Assert.Equal([2L, 10], model.call(zeros(2, 3, 32, 32)).shape);
    }

    [Fact]
    public void BlobsNetwork_Dense25_Dense3_Has153Parameters()
    {
        var model = nn.Sequential(nn.Linear(2, 25), nn.ReLU(), nn.Linear(25, 3));
        Assert.Equal(153, Count(model));
    }
}
