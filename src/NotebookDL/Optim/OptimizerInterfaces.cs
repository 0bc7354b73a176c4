namespace NotebookDL;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>What learning-rate schedulers read and write on each parameter group.</summary>
        public interface ILearningRateController
        {
            double LearningRate { get; set; }

            /// <summary>The learning rate the schedule starts from (PyTorch's group['initial_lr']).</summary>
            double InitialLearningRate { get; set; }
        }

        /// <summary>Parameter groups (and optimizers) with a momentum that OneCycleLR may cycle.</summary>
        public interface IMomentum
        {
            double Momentum { get; set; }
        }

        /// <summary>Parameter groups (and optimizers) whose beta1 plays the role of momentum for OneCycleLR.</summary>
        public interface IBetas
        {
            (double, double) Betas { get; set; }
        }
    }
}
