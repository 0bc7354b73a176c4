using NotebookDL.Ops;

namespace NotebookDL;

public static partial class torch
{
    /// <summary>Heaviside step: 1 where x &gt; 0, <paramref name="values"/> where x == 0, else 0. Not differentiable.</summary>
    public static Tensor heaviside(Tensor x, Tensor values) =>
        where(x > 0.0, ones_like(x), where(x == 0.0, values.to(x.dtype).expand(x.Shape), zeros_like(x))).detach();

    public static Tensor softmax(Tensor x, long dim) => nn.functional.softmax(x, dim);
    public static Tensor log_softmax(Tensor x, long dim) => nn.functional.log_softmax(x, dim);

    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>The perceptron's activation: 1 for x ≥ 0 (the textbook's convention), else 0.</summary>
            public static Tensor step(Tensor x, double threshold = 0) => (x >= threshold).to(x.dtype).detach();

            public static Tensor relu(Tensor x) => x.relu();
            public static Tensor sigmoid(Tensor x) => x.sigmoid();
            public static Tensor tanh(Tensor x) => x.tanh();
            public static Tensor gelu(Tensor x) => GeluFunction.Apply(x);

            /// <summary>x for x &gt; 0, negative_slope·x otherwise.</summary>
            public static Tensor leaky_relu(Tensor x, double negative_slope = 0.01) => where(x > 0.0, x, x * negative_slope);

            /// <summary>e^(x − max) / Σ e^(x − max) along <paramref name="dim"/>; the shift changes nothing mathematically but avoids overflow.</summary>
            public static Tensor softmax(Tensor x, long dim)
            {
                var shifted = x - x.amax(dim, keepdim: true).detach();
                var e = shifted.exp();
                return e / e.sum(dim, keepdim: true);
            }

            /// <summary>(x − max) − log Σ e^(x − max): stable even when softmax itself underflows to 0.</summary>
            public static Tensor log_softmax(Tensor x, long dim)
            {
                var shifted = x - x.amax(dim, keepdim: true).detach();
                return shifted - shifted.exp().sum(dim, keepdim: true).log();
            }
        }
    }
}
