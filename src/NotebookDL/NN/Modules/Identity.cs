using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>Returns its input unchanged: a placeholder where a layer is optional (e.g. replacing a classifier head).</summary>
public sealed class Identity : ParameterLessModule<Tensor, Tensor>
{
    internal Identity() : base(nameof(Identity)) { }

    public override Tensor forward(Tensor input) => input;
}
