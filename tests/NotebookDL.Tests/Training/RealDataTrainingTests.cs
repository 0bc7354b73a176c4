using System.Diagnostics;
using NotebookDL;
using NotebookDL.Tests.Data;
using NotebookDL.Training;
using Xunit.Abstractions;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Training;

/// <summary>
/// Slow-but-run checks on the real datasets (shared/data beside the checkout; skipped where it is absent).
/// Their durations go to the test output and to slow-tests.log beside the test assembly, which .ci/run prints.
/// </summary>
[Collection(NotebookDL.Tests.NN.SeededCollection.Name)]
public class RealDataTrainingTests(ITestOutputHelper output)
{
    private void Report(string what, double metric, Stopwatch watch)
    {
        var line = $"{what}: {metric:P2} in {watch.Elapsed.TotalSeconds:F1} s (threads: {get_num_threads()})";
        output.WriteLine(line);
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "slow-tests.log"), line + Environment.NewLine);
    }

    [SharedDataFact("mnist")]
    public void MnistMlp_OneEpochRmsProp_Reaches95PercentTestAccuracy()
    {
        manual_seed(0);
        var train = utils.data.DataLoader(torchvision.datasets.MNIST(SharedData.Root, train: true), 128, shuffle: true);
        var test = utils.data.DataLoader(torchvision.datasets.MNIST(SharedData.Root, train: false), 1000);
        var model = nn.Sequential(
            nn.Flatten(),
            nn.Linear(784, 512), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(512, 512), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(512, 10));
        model.compile(loss: nn.CrossEntropyLoss(), optimizer: "rmsprop", metrics: ["accuracy"]);

        var watch = Stopwatch.StartNew();
        model.fit(train, epochs: 1, verbose: 0);
        var accuracy = model.evaluate(test, verbose: 0)["accuracy"];
        Report("MNIST MLP 784-512-512-10, 1 epoch, batch 128, RMSprop: test accuracy", accuracy, watch);

        Assert.True(accuracy >= 0.95, $"test accuracy {accuracy:P2}");
    }

    [SharedDataFact("cifar-10-batches-bin")]
    public void CifarBaseline_OneEpochRmsProp_Reaches50PercentValidationAccuracy()
    {
        manual_seed(0);
        var (train, valid) = utils.data.train_validation_split(torchvision.datasets.CIFAR10(SharedData.Root, train: true), validation: 5000);
        var (mean, std) = utils.data.channel_mean_std(train);
        train.transform = torchvision.transforms.Normalize(mean, std);
        valid.transform = torchvision.transforms.Normalize(mean, std);
        var model = nn.Sequential(
            nn.Conv2d(3, 16, 2, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 2, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 2, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
            nn.Dropout(0.3), nn.Flatten(),
            nn.Linear(64 * 4 * 4, 500), nn.ReLU(), nn.Dropout(0.4),
            nn.Linear(500, 10));
        model.compile(loss: nn.CrossEntropyLoss(), optimizer: "rmsprop", metrics: ["accuracy"]);

        var watch = Stopwatch.StartNew();
        var history = model.fit(utils.data.DataLoader(train, 32, shuffle: true), epochs: 1, verbose: 0,
            validation_data: utils.data.DataLoader(valid, 500));
        var accuracy = history["val_accuracy"][0];
        Report("CIFAR-10 baseline CNN, 1 epoch on 45,000 images, batch 32, RMSprop: validation accuracy", accuracy, watch);

        Assert.True(accuracy >= 0.50, $"validation accuracy {accuracy:P2}");
    }
}
