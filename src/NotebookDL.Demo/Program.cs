using NotebookDL;
using static NotebookDL.torch;

// The textbook's first non-linear problem: XOR is not linearly separable, so a single perceptron
// cannot learn it, but one hidden layer can.
manual_seed(42);

var x = tensor(new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, [4, 2]);
var y = tensor(new float[] { 0, 1, 1, 0 }, [4, 1]);

var model = nn.Sequential(
    ("hidden", nn.Linear(2, 4)),
    ("tanh", nn.Tanh()),
    ("output", nn.Linear(4, 1)),
    ("sigmoid", nn.Sigmoid()));
var lossFunction = nn.BCELoss();
var optimizer = optim.Adam(model.parameters(), lr: 0.05);

Console.WriteLine(model);
Console.WriteLine();
for (int epoch = 1; epoch <= 500; epoch++)
{
    optimizer.zero_grad();
    var loss = lossFunction.call(model.call(x), y);
    loss.backward();
    optimizer.step();
    if (epoch == 1 || epoch % 50 == 0)
        Console.WriteLine($"epoch {epoch,4}  loss {loss.item<float>():F6}");
}

using (no_grad())
{
    var predictions = model.call(x);
    Console.WriteLine();
    Console.WriteLine("x1 x2 | target | prediction");
    for (int i = 0; i < 4; i++)
        Console.WriteLine($" {x[i, 0].item<float>()}  {x[i, 1].item<float>()} |   {y[i, 0].item<float>()}    | {predictions[i, 0].item<float>():F4}");
    var accuracy = ((predictions > 0.5).to(ScalarType.Float32) == y).to(ScalarType.Float32).mean().item<float>();
    Console.WriteLine($"accuracy: {accuracy:P0}");
}
