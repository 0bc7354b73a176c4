using NotebookDL;
using NotebookDL.Training;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Training;

/// <summary>The textbook's blob experiment, translated line for line from its Keras code.</summary>
[Collection(NotebookDL.Tests.NN.SeededCollection.Name)]
public class TextbookExperimentTests
{
    [Fact]
    public void BlobsExperiment_Dense25Dense3Adam_ReachesBookAccuracy()
    {
        manual_seed(0);
        var (x, y) = synthetic.make_blobs(n_samples: 1000, centers: 3, n_features: 2, cluster_std: 2, random_state: 2);
        var yOneHot = utils.data.to_categorical(y, 3);
        var (trainX, testX) = (x[..800], x[800..]);
        var (trainY, testY) = (yOneHot[..800], yOneHot[800..]);

        var model = nn.Sequential(nn.Linear(2, 25), nn.ReLU(), nn.Linear(25, 3), nn.Softmax(1));
        model.compile(loss: "categorical_crossentropy", optimizer: "adam", metrics: ["accuracy"]);
        var history = model.fit(trainX, trainY, validation_data: (testX, testY), epochs: 100, verbose: 0);
        var testAccuracy = model.evaluate(testX, testY, verbose: 0)["accuracy"];

        // the book reports 0.845
        Assert.True(testAccuracy >= 0.80, $"test accuracy {testAccuracy:F3}");
        Assert.Equal(testAccuracy, history["val_accuracy"][^1], 12);
    }

    [Fact]
    public void Fit_DataLoaderOfTensorDataset_TrainsLikeTensors()
    {
        manual_seed(1);
        var (x, y) = synthetic.make_blobs(n_samples: 300, centers: 2, n_features: 2, cluster_std: 1, random_state: 4);
        var train = utils.data.DataLoader(utils.data.TensorDataset(x, y), 32, shuffle: true, seed: 3);
        var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2));
        model.compile(loss: nn.CrossEntropyLoss(), optimizer: optim.Adam(model.parameters(), lr: 0.05), metrics: ["accuracy"]);

        var history = model.fit(train, epochs: 5, verbose: 0, validation_data: utils.data.DataLoader(utils.data.TensorDataset(x, y), 64));

        Assert.True(history["val_accuracy"][^1] > 0.95, $"val_accuracy {history["val_accuracy"][^1]}");
        Assert.True(model.evaluate(utils.data.DataLoader(utils.data.TensorDataset(x, y), 100), verbose: 0).loss < history["loss"][0]);
    }
}
