namespace NotebookDL;

public static partial class torchvision
{
    /// <summary>Runs transforms one after the other.</summary>
    internal sealed class ComposedTransforms : ITransform
    {
        internal readonly ITransform[] Transforms;

        internal ComposedTransforms(ITransform[] transforms)
        {
            ArgumentNullException.ThrowIfNull(transforms);
            for (int i = 0; i < transforms.Length; i++)
                if (transforms[i] is null) throw new ArgumentNullException(nameof(transforms), $"Compose: transform {i} is null.");
            Transforms = (ITransform[])transforms.Clone();
        }

        public torch.Tensor call(torch.Tensor input)
        {
            foreach (var t in Transforms) input = t.call(input);
            return input;
        }

        /// <summary>
        /// The pipeline a NotebookDL dataset should run: its images already are ToTensor output (float [C, H, W] in
        /// [0, 1]), so a leading ToTensor, as in torchvision code, is dropped rather than applied twice.
        /// </summary>
        internal static ITransform? WithoutLeadingToTensor(ITransform? transform) => transform switch
        {
            ToTensorTransform => null,
            ComposedTransforms { Transforms: [ToTensorTransform, .. var rest] } => rest.Length == 0 ? null : new ComposedTransforms(rest),
            _ => transform,
        };
    }

    public static partial class transforms
    {
        /// <summary>Chains transforms: Compose(RandomCrop(32, padding: 4), RandomHorizontalFlip(), Normalize(mean, std)).</summary>
        public static ITransform Compose(params ITransform[] transforms) => new ComposedTransforms(transforms);
    }
}
