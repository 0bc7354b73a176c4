namespace NotebookDL.Modules;

/// <summary>
/// What an optimizer remembers about one parameter between steps (TorchSharp.Modules.OptimizerState):
/// a step count and named float32 buffers shaped like the parameter. Like PyTorch the state is lazy:
/// it is <see cref="Initialized"/> by the first step that sees a gradient (Adagrad initializes at
/// construction), and only initialized states appear in state_dict().
/// </summary>
public abstract class OptimizerState
{
    protected OptimizerState(Parameter parameter)
    {
        _parameter = parameter;
    }

    protected readonly Parameter _parameter;

    /// <summary>How many updates this parameter has received.</summary>
    public long step;

    /// <summary>Whether the buffers exist (PyTorch: len(state) != 0).</summary>
    public bool Initialized { get; protected internal set; }

    /// <summary>Whether state_dict() exports "step" (SGD keeps no step count in PyTorch).</summary>
    protected internal virtual bool HasStep => true;

    /// <summary>The buffers that exist now, by PyTorch name; absent buffers are skipped.</summary>
    protected internal abstract IEnumerable<KeyValuePair<string, float[]>> NamedBuffers();

    /// <summary>Installs a loaded buffer; throws for a name this optimizer does not keep.</summary>
    protected internal abstract void LoadBuffer(string name, float[] data);

    /// <summary>Drops all buffers and the step count, as if the parameter had never been stepped.</summary>
    public virtual void Initialize(OptimizerOptions options)
    {
        step = 0;
        Initialized = false;
    }

    protected float[] NewBuffer(float fill = 0)
    {
        var buffer = new float[_parameter.Count];
        if (fill != 0) Array.Fill(buffer, fill);
        return buffer;
    }

    protected ArgumentException UnknownBuffer(string optimizer, string name) =>
        new($"{optimizer}.load_state_dict: unknown state buffer '{name}'; this optimizer keeps {string.Join(", ", BufferNames)}.");

    /// <summary>All buffer names this optimizer may keep, for error messages.</summary>
    protected abstract IEnumerable<string> BufferNames { get; }
}
