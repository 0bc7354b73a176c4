using NotebookDL.Modules;

namespace NotebookDL;

public static partial class torch
{
    /// <summary>TorchSharp-style factories for the layers in NotebookDL.Modules (nn.Linear(784, 512) rather than new Linear(...)).</summary>
    public static partial class nn
    {
        /// <summary>A fully connected layer from <paramref name="inputSize"/> to <paramref name="outputSize"/> features.</summary>
        public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) =>
            new(inputSize, outputSize, hasBias, device, dtype);

        /// <summary>A Linear layer around existing parameters, weight [out_features, in_features].</summary>
        public static Linear Linear(Modules.Parameter weight, Modules.Parameter? bias = null) => new(weight, bias);

        public static Flatten Flatten(long start_dim = 1, long end_dim = -1) => new(start_dim, end_dim);

        public static Identity Identity() => new();

        public static Dropout Dropout(double p = 0.5, bool inplace = false) => new(p, inplace);

        public static BatchNorm1d BatchNorm1d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = true, bool track_running_stats = true,
            Device? device = null, ScalarType? dtype = null) => new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

        public static BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = true, bool track_running_stats = true,
            Device? device = null, ScalarType? dtype = null) => new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

        public static ReLU ReLU(bool inplace = false) => new(inplace);

        public static Sigmoid Sigmoid(bool inplace = false) => new(inplace);

        public static Tanh Tanh(bool inplace = false) => new(inplace);

        public static LeakyReLU LeakyReLU(double negative_slope = 0.01, bool inplace = false) => new(negative_slope, inplace);

        public static Softmax Softmax(long dim) => new(dim);

        public static LogSoftmax LogSoftmax(long dim) => new(dim);

        public static GELU GELU() => new();

        /// <summary>The perceptron's Heaviside activation (NotebookDL's own; PyTorch has only torch.heaviside).</summary>
        public static Step Step(double threshold = 0) => new(threshold);

        /// <summary>The RNN's non-linearity, as TorchSharp names it.</summary>
        public enum NonLinearities
        {
            ReLU = 0,
            Tanh = 1,
        }

        /// <summary>
        /// A multi-layer Elman RNN (tanh or relu) over whole sequences; call(input, h0 = null) returns (output, h_n).
        /// Input [seq_len, batch, inputSize], or [batch, seq_len, inputSize] when <paramref name="batchFirst"/>.
        /// </summary>
        public static RNN RNN(long inputSize, long hiddenSize, long numLayers = 1, NonLinearities nonLinearity = NonLinearities.Tanh, bool bias = true,
            bool batchFirst = false, double dropout = 0.0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
            new(inputSize, hiddenSize, numLayers, nonLinearity, bias, batchFirst, dropout, bidirectional, device, dtype);

        /// <summary>A multi-layer LSTM over whole sequences; call(input, (h0, c0) = null) returns (output, h_n, c_n).</summary>
        public static LSTM LSTM(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0.0,
            bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
            new(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype);

        /// <summary>A multi-layer GRU over whole sequences; call(input, h0 = null) returns (output, h_n).</summary>
        public static GRU GRU(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0.0,
            bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
            new(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype);

        /// <summary>One Elman RNN step; call(input, h0 = null) returns h'.</summary>
        public static RNNCell RNNCell(long inputSize, long hiddenSize, NonLinearities nonLinearity = NonLinearities.Tanh, bool bias = true,
            Device? device = null, ScalarType? dtype = null) => new(inputSize, hiddenSize, nonLinearity, bias, device, dtype);

        /// <summary>One LSTM step; call(input, (h0, c0) = null) returns (h', c').</summary>
        public static LSTMCell LSTMCell(long inputSize, long hiddenSize, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(inputSize, hiddenSize, bias, device, dtype);

        /// <summary>One GRU step; call(input, h0 = null) returns h'.</summary>
        public static GRUCell GRUCell(long inputSize, long hiddenSize, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(inputSize, hiddenSize, bias, device, dtype);
    }
}
